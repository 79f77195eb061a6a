//! "Your data": where answers are kept, what is (not) sent, and deleting everything.

use crate::ui::state::use_app;
use crate::{t, ts};
use leptos::prelude::*;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let app = use_app();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let result = RwSignal::new(None::<Result<usize, String>>);
    let close = move || {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    view! {
        <h1>{ts!("Your data")}</h1>
        <p class="lead">{ts!("Your answers stay on this device. Nothing is sent anywhere.")}</p>
        <h2>{ts!("Where your answers are kept")}</h2>
        <ul>
            <li>{ts!("Every answer and note is saved in this browser's local storage on this computer, at the moment you type or choose it.")}</li>
            <li>{ts!("The tool has no server, no accounts, no analytics and no external fonts or scripts. The page only loads its own files, and a security policy in the page blocks any other connection.")}</li>
            <li>{ts!("Someone who uses this browser on this computer, under the same user account, can open your assessments. On a shared computer, delete your data when you are done.")}</li>
            <li>{ts!("Clearing this site's data in the browser settings, or using a private window, removes the answers. Export a file to keep a copy or to share it: the answers as JSON, or the PDF report, which carries the answers inside it. You can import it here or on another computer.")}</li>
            <li>{ts!("Reviews you write and team files you load for a workshop are kept the same way, each apart from your own assessments. Clearing a workshop removes only the workshop.")}</li>
            <li>{ts!("After your first visit the browser keeps a copy of the tool's own files (not your answers), so that it also works offline. Now and then it asks this site whether there is a newer version of the tool; that request carries nothing of yours.")}</li>
        </ul>
        <h2>{ts!("Delete all my data")}</h2>
        <p>{move || {
            let n = app.assessments().with(|v| v.len());
            if n == 1 {
                t!("This removes the 1 saved assessment, your reviews, your workshop and every other setting of this tool from this browser.")
            } else {
                t!("This removes all {0} saved assessments, your reviews, your workshop and every other setting of this tool from this browser.", n)
            }
        }}</p>
        <button type="button" class="button danger" on:click=move |_| {
            result.set(None);
            if let Some(d) = dialog.get() {
                let _ = d.show_modal();
            }
        }>{ts!("Delete all my data")}</button>
        {move || result.get().map(|r| match r {
            Ok(n) => view! { <p class="ok" role="status">{if n == 1 { t!("Deleted. 1 stored item removed from this browser.") } else { t!("Deleted. {0} stored items removed from this browser.", n) }}</p> }.into_any(),
            Err(e) => view! { <p class="alert alert-error" role="alert">{t!("Could not delete: {0}.", e)}</p> }.into_any(),
        })}
        <dialog node_ref=dialog class="dialog" aria-labelledby="delete-all-title">
            <h2 id="delete-all-title">{ts!("Delete all your data?")}</h2>
            <p>{ts!("Every assessment, answer and note on this device will be removed. This cannot be undone. Export a report first if you want to keep a copy.")}</p>
            <div class="dialog-actions">
                <button type="button" class="button" on:click=move |_| close()>{ts!("Cancel")}</button>
                <button type="button" class="button danger" on:click=move |_| {
                    result.set(Some(app.delete_all()));
                    close();
                }>{ts!("Delete everything")}</button>
            </div>
        </dialog>
    }
}
