//! The report worker: a separate wasm, loaded on the first PDF export, that carries the PDF
//! writer (`report::pdf`), the fonts, the import checks and the Markdown export.
#[cfg(target_arch = "wasm32")]
fn main() {
    use gloo_worker::Registrable;
    console_error_panic_hook::set_once();
    elsa::worker::ReportWorker::registrar()
        .encoding::<elsa::worker::Lean>()
        .register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "This binary is the browser's report worker; natively, use the library's report module."
    );
}
