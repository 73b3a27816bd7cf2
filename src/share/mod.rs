//! Share links: view state in the URL, reports carried in `#doc=`.
