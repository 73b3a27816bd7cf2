//! Entry point: in the browser it only mounts the app; natively it is the `baogao` CLI.

#[cfg(target_arch = "wasm32")]
fn main() {
    baogao::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(baogao::cli::main());
}
