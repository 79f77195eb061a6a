//! The studio binary (review mode, workshop, compare over time): a second browser app, loaded by
//! boot.js instead of the main one on `#/review`, `#/workshop` and `#/compare`. Everything
//! lives in the lib (`elsa::ui::studio`).

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    elsa::ui::studio::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary is the browser studio: build it with `make dist`.");
}
