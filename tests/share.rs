//! Share links: `#doc=` round trips for every fixture, damaged links, bombs, view
//! fragments, address checks, storage packing.

use baogao::report;
use baogao::share::doc::{
    decode_text, decode_text_with_limit, decoded_input, deflate, encode_text, DocLinkError,
};
use baogao::share::link::{
    build_link, check_http_url, exceeded_limits, file_name_from_url, host_of, parse_catalog,
    parse_query, safe_relative_file, LinkRequest, Opening, UrlRejection,
};
use baogao::share::store::{eviction_order, push_recent, RecentEntry, StoredDoc, StoredSource};
use baogao::share::{sha256_hex, Fragment, ViewState};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| matches!(p.extension().and_then(|x| x.to_str()), Some("txt" | "docx")))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    assert!(out.len() >= 10, "fixtures missing");
    out
}

/// What the receiver of a `#doc=` link sees equals, byte for byte, what the sender saw.
#[test]
fn doc_link_round_trips_every_fixture() {
    for (name, bytes) in fixtures() {
        let sender = report::parse(&name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let input = decoded_input(&bytes).unwrap();
        let packed = encode_text(&input.text);
        assert!(
            packed
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "{name}: not base64url"
        );
        // Through a whole link, as the browser hands it back (fragment parsing included).
        let frag = Fragment {
            doc: Some(packed.clone()),
            name: Some(name.clone()),
            sha256: None,
            view: ViewState::default(),
        };
        let link = build_link("https://example.org/baogao/", &[], &frag);
        let (_, hash) = link.split_once('#').unwrap();
        let req = LinkRequest::parse("", hash);
        assert_eq!(req.fragment.name.as_deref(), Some(name.as_str()));
        let text = decode_text(req.fragment.doc.as_deref().unwrap()).unwrap();
        assert_eq!(text, input.text, "{name}: decoded text differs");
        let receiver = report::parse_text(&name, &text, "UTF-8");
        assert_eq!(receiver.text, sender.text, "{name}: report text differs");
        assert_eq!(
            receiver.sections, sender.sections,
            "{name}: outline differs"
        );
        assert_eq!(
            receiver.indicators.len(),
            sender.indicators.len(),
            "{name}: indicators differ"
        );
        // GBK files travel as text: the link is smaller than base64 of the raw file would
        // suggest only thanks to deflate; at least it must decode to non-mojibake.
        if name.contains("gbk") {
            assert!(
                text.contains("政府") || text.contains("国务院"),
                "{name}: GBK text did not decode"
            );
        }
    }
}

#[test]
fn damaged_links_get_their_own_errors() {
    assert_eq!(decode_text(""), Err(DocLinkError::Empty));
    assert_eq!(decode_text("  "), Err(DocLinkError::Empty));
    // Not base64url at all ('*' and '!' are outside the alphabet).
    assert_eq!(decode_text("abc*def!"), Err(DocLinkError::BadBase64));
    // Valid base64url, but not a deflate stream (0xFF… is a reserved block type).
    assert_eq!(
        decode_text(&URL_SAFE_NO_PAD.encode([0xFFu8; 32])),
        Err(DocLinkError::BadDeflate)
    );
    // A real link cut in half.
    let full = encode_text(&"各位代表：现在，我代表市人民政府向大会报告工作。".repeat(200));
    let cut = &full[..full.len() / 2];
    assert!(
        matches!(
            decode_text(cut),
            Err(DocLinkError::BadDeflate | DocLinkError::BadBase64)
        ),
        "{:?}",
        decode_text(cut)
    );
    // Deflate of bytes that are not UTF-8.
    let not_utf8 =
        URL_SAFE_NO_PAD.encode(deflate(&[0xB8, 0xF7, 0xCE, 0xBB, 0xB4, 0xFA, 0xB1, 0xED]));
    assert_eq!(decode_text(&not_utf8), Err(DocLinkError::BadUtf8));
    // Whitespace and padding added by mail clients are tolerated.
    let ok = encode_text("报告");
    assert_eq!(decode_text(&format!(" {}\n==", ok)).as_deref(), Ok("报告"));
}

#[test]
fn decompression_bomb_is_refused() {
    // 100 MB of zeros deflates to about 100 KB: a small link, a huge page.
    let zeros = vec![b'0'; 100_000_000];
    let bomb = URL_SAFE_NO_PAD.encode(deflate(&zeros));
    assert!(bomb.len() < 200_000, "bomb link is {} chars", bomb.len());
    assert_eq!(
        decode_text(&bomb),
        Err(DocLinkError::TooLarge {
            limit: report::MAX_BYTES
        })
    );
    // The cap applies exactly: one byte over is refused, at the cap is accepted.
    let text = "x".repeat(1000);
    let link = encode_text(&text);
    assert_eq!(
        decode_text_with_limit(&link, 999),
        Err(DocLinkError::TooLarge { limit: 999 })
    );
    assert_eq!(
        decode_text_with_limit(&link, 1000).as_deref(),
        Ok(text.as_str())
    );
}

#[test]
fn view_fragment_round_trip() {
    let v = ViewState {
        section: "s2.1".into(),
        indicator: "i12".into(),
        tab: "indicators".into(),
        measure: "growth".into(),
        status: "target".into(),
        sec: "s2".into(),
        q: "地区生产总值 & 8%".into(),
    };
    let f = v.to_fragment();
    assert!(
        f.starts_with("s=s2.1&i=i12&tab=indicators&m=growth&st=target&sec=s2&q="),
        "{f}"
    );
    assert!(
        !f.contains(' ') && !f[f.find("q=").unwrap() + 2..].contains('&'),
        "{f}"
    );
    assert_eq!(ViewState::from_fragment(&format!("#{f}")), v);
    // The example from the issue.
    let e = ViewState::from_fragment("#s=s2.1&tab=text");
    assert_eq!(e.section, "s2.1");
    assert_eq!(e.tab, "text");
    // Defaults are left out; the text tab is the default.
    assert_eq!(
        ViewState {
            tab: "text".into(),
            ..Default::default()
        }
        .to_fragment(),
        ""
    );
    // Junk is dropped, not trusted.
    let j = ViewState::from_fragment("#s=<script>&tab=evil&i=i1%22onload&m=GROWTH&zz=1");
    assert_eq!(j, ViewState::default());
    // Browsers hand back non-ASCII percent-encoded or raw; both read the same.
    assert_eq!(ViewState::from_fragment("q=%E5%A2%9E%E9%95%BF").q, "增长");
    assert_eq!(ViewState::from_fragment("q=增长").q, "增长");
}

#[test]
fn sha256_fragment() {
    let h = sha256_hex(b"abc");
    assert_eq!(
        h,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    let f = Fragment {
        sha256: Some(h.clone()),
        name: Some("北京 2024.txt".into()),
        doc: None,
        view: ViewState {
            section: "s1".into(),
            ..Default::default()
        },
    };
    let back = Fragment::parse(&f.to_fragment());
    assert_eq!(back, f);
    assert!(back.carries_report());
    // A malformed fingerprint or a path in the name are not accepted as such.
    let bad = Fragment::parse("sha256=xyz&name=..%2F..%2Fetc%2Fpasswd");
    assert_eq!(bad.sha256, None);
    assert_eq!(bad.name.as_deref(), Some("passwd"));
}

#[test]
fn query_openings_in_order() {
    let q = "?report=zigong-2017&url=https%3A%2F%2Fexample.org%2Fa%20b.txt&x=1&url=http://h:8080/r.txt?y=2";
    assert_eq!(
        parse_query(q),
        vec![
            Opening::Report("zigong-2017".into()),
            Opening::Url("https://example.org/a b.txt".into()),
            Opening::Url("http://h:8080/r.txt?y=2".into()),
        ]
    );
    let openings = vec![
        Opening::Report("zigong-2017".into()),
        Opening::Url("https://example.org/x.txt?a=1&b=2#f".into()),
    ];
    let link = build_link(
        "https://me.github.io/baogao/",
        &openings,
        &Fragment {
            view: ViewState {
                section: "s2".into(),
                ..Default::default()
            },
            ..Default::default()
        },
    );
    assert_eq!(link, "https://me.github.io/baogao/?report=zigong-2017&url=https://example.org/x.txt%3Fa%3D1%26b%3D2%23f#s=s2");
    let (search, hash) = link["https://me.github.io/baogao/".len()..]
        .split_once('#')
        .unwrap();
    assert_eq!(LinkRequest::parse(search, hash).openings, openings);
}

#[test]
fn only_http_urls_are_fetched() {
    assert_eq!(
        check_http_url(" https://example.org/a.txt ").as_deref(),
        Ok("https://example.org/a.txt")
    );
    assert_eq!(
        check_http_url("HTTP://127.0.0.1:9/x").as_deref(),
        Ok("http://127.0.0.1:9/x")
    );
    assert_eq!(
        check_http_url("javascript:alert(1)"),
        Err(UrlRejection::Scheme("javascript".into()))
    );
    assert_eq!(
        check_http_url("JavaScript:alert(1)"),
        Err(UrlRejection::Scheme("javascript".into()))
    );
    assert_eq!(
        check_http_url("data:text/html,<b>x</b>"),
        Err(UrlRejection::Scheme("data".into()))
    );
    assert_eq!(
        check_http_url("file:///etc/passwd"),
        Err(UrlRejection::Scheme("file".into()))
    );
    assert_eq!(
        check_http_url("java\tscript:alert(1)"),
        Err(UrlRejection::NotAbsolute)
    );
    assert_eq!(
        check_http_url("/reports/a.txt"),
        Err(UrlRejection::NotAbsolute)
    );
    assert_eq!(
        check_http_url("https:example.org"),
        Err(UrlRejection::NotAbsolute)
    );
    assert_eq!(check_http_url("https:///a"), Err(UrlRejection::NoHost));
    assert_eq!(
        host_of("https://user@example.org:8443/a?b"),
        "example.org:8443"
    );
    assert_eq!(
        file_name_from_url("https://example.org/dir/%E6%8A%A5%E5%91%8A.txt?x=1"),
        "报告.txt"
    );
    assert_eq!(file_name_from_url("https://example.org/"), "report.txt");
}

#[test]
fn chat_limits() {
    assert!(exceeded_limits(1_999).is_empty());
    assert_eq!(exceeded_limits(2_001).len(), 1);
    assert_eq!(exceeded_limits(3_000).len(), 2);
    assert_eq!(exceeded_limits(50_000).len(), 3);
}

#[test]
fn catalog_is_checked() {
    let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/reports/index.json"))
        .unwrap();
    let cat = parse_catalog(&json).unwrap();
    let zg = cat
        .iter()
        .find(|e| e.id == "zigong-2017")
        .expect("sample in catalog");
    assert!(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/reports"))
            .join(&zg.file)
            .exists()
    );
    let evil = r#"[{"id":"a","file":"../secret"},{"id":"b","file":"https://x/y"},{"id":"c d","file":"c.txt"},{"id":"ok","file":"dir/ok.txt","year":2020}]"#;
    let cat = parse_catalog(evil).unwrap();
    assert_eq!(cat.len(), 1);
    assert_eq!(cat[0].id, "ok");
    assert!(!safe_relative_file("/abs.txt"));
    assert!(parse_catalog("{not json").is_err());
}

#[test]
fn stored_docs_unpack_and_recent_list() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/national-2017-gbk.txt"
    ))
    .unwrap();
    let h = sha256_hex(&bytes);
    let d = StoredDoc::pack(
        "n.txt",
        StoredSource {
            kind: "file".into(),
            value: "n.txt".into(),
        },
        "bytes",
        "",
        &bytes,
        &h,
    );
    assert!(d.data.len() < bytes.len(), "packing should shrink text");
    assert_eq!(d.unpack().unwrap(), bytes);
    let mut tampered = d.clone();
    tampered.sha256 = sha256_hex(b"other");
    assert!(tampered.unpack().is_err());

    let e = |k: &str, t: f64, kept: bool| RecentEntry {
        key: k.into(),
        name: k.into(),
        source: StoredSource {
            kind: "file".into(),
            value: k.into(),
        },
        time: t,
        kept,
    };
    let mut list = Vec::new();
    for i in 0..20 {
        push_recent(&mut list, e(&format!("k{i}"), i as f64, true), 12);
    }
    assert_eq!(list.len(), 12);
    assert_eq!(list[0].key, "k19");
    push_recent(&mut list, e("k10", 100.0, true), 12);
    assert_eq!(list[0].key, "k10");
    assert_eq!(list.iter().filter(|x| x.key == "k10").count(), 1);
    let order = eviction_order(&list, &["k8".to_string()]);
    assert_eq!(order.first().map(String::as_str), Some("k9"));
    assert!(!order.contains(&"k8".to_string()));
}
