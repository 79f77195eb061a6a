//! The shape of the code, checked: the core's modules import one another without cycles, and
//! the pure core uses no browser or UI crate.
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each module of the crate (a file `src/x.rs`, or a folder `src/x/`) with its code, comments
/// left out.
fn modules() -> BTreeMap<String, String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    fn code(path: &Path, out: &mut String) {
        if path.is_dir() {
            let mut entries: Vec<_> = std::fs::read_dir(path)
                .unwrap()
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .collect();
            entries.sort();
            for e in entries {
                code(&e, out);
            }
        } else if path.extension().is_some_and(|x| x == "rs") {
            for line in std::fs::read_to_string(path).unwrap().lines() {
                out.push_str(line.split("//").next().unwrap_or(""));
                out.push('\n');
            }
        }
    }
    let mut mods = BTreeMap::new();
    for e in std::fs::read_dir(&src).unwrap().filter_map(|e| e.ok()) {
        let path = e.path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if ["lib", "main", "bin"].contains(&name.as_str()) {
            continue;
        }
        let mut text = String::new();
        code(&path, &mut text);
        mods.entry(name).or_insert_with(String::new).push_str(&text);
    }
    mods
}

/// Which modules each module names as `crate::<module>`.
fn edges(mods: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    mods.iter()
        .map(|(m, text)| {
            let used = text
                .match_indices("crate::")
                .map(|(i, _)| {
                    text[i + 7..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect::<String>()
                })
                .filter(|t| t != m && mods.contains_key(t))
                .collect();
            (m.clone(), used)
        })
        .collect()
}

/// A cycle through `start`, if there is one: the path back to it.
fn cycle_from(start: &str, edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((at, path)) = stack.pop() {
        for next in &edges[&at] {
            if next == start {
                let mut p = path.clone();
                p.push(start.to_string());
                return Some(p);
            }
            if seen.insert(next.clone()) {
                let mut p = path.clone();
                p.push(next.clone());
                stack.push((next.clone(), p));
            }
        }
    }
    None
}

#[test]
fn the_modules_import_one_another_without_cycles() {
    let mods = modules();
    assert!(
        mods.len() > 20 && mods.contains_key("report") && mods.contains_key("ui"),
        "{:?}",
        mods.keys()
    );
    let edges = edges(&mods);
    let cycles: Vec<String> = mods
        .keys()
        .filter_map(|m| cycle_from(m, &edges))
        .map(|p| p.join(" → "))
        .collect();
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
    // The check can fail: the three cycles it replaced are found in a copy that has them.
    let mut old = edges.clone();
    old.get_mut("answers").unwrap().insert("review".into());
    old.get_mut("workshop").unwrap().insert("report".into());
    assert!(cycle_from("answers", &old).is_some() && cycle_from("report", &old).is_some());
}

#[test]
fn the_pure_core_uses_no_browser_or_ui_crate() {
    for (m, text) in modules() {
        if ["ui", "worker"].contains(&m.as_str()) {
            continue;
        }
        for banned in ["leptos", "web_sys", "gloo", "wasm_bindgen", "js_sys"] {
            assert!(
                !text.contains(&format!("{banned}::")),
                "the core module {m} uses {banned}"
            );
        }
    }
}
