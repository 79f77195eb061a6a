//! The UI binary: install the panic hook and mount the app. Everything else lives in the lib.
#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    elsa::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary is the browser app: build it with `make serve` or `make dist`.");
}
