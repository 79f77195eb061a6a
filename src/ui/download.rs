//! Save bytes as a file through a temporary object URL (no network involved).

use crate::t;
use wasm_bindgen::JsCast;

pub fn download(bytes: &[u8], file_name: &str, mime: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or_else(|| t!("no browser window"))?;
    let document = window.document().ok_or_else(|| t!("no document"))?;
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| t!("the browser could not create the file"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| t!("the browser could not create a link to the file"))?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| t!("the browser could not create a link"))?
        .dyn_into()
        .map_err(|_| t!("the browser could not create a link"))?;
    a.set_href(&url);
    a.set_download(file_name);
    a.set_hidden(true);
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    } else {
        a.click();
    }
    // Give the browser time to start the download before the URL is released.
    let url2 = url.clone();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url2);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}
