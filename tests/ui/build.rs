//! Lists the files in `pass/` for `pass.rs`, so a new case is picked up by adding its file.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let pass = manifest_dir.join("pass");
    println!("cargo:rerun-if-changed={}", pass.display());

    let mut files: Vec<PathBuf> = fs::read_dir(&pass)
        .expect("tests/ui/pass is readable")
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|extension| extension == "rs"))
        .collect();
    files.sort();

    let mut cases = String::new();
    for file in &files {
        let name = module_name(file);
        writeln!(
            cases,
            "#[allow(dead_code)]\nmod {name} {{\n    include!({path:?});\n\n    \
             #[test]\n    fn compiles_and_runs() {{\n        main();\n    }}\n}}\n",
            path = file.display().to_string(),
        )
        .expect("writing to a String");
    }
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo")).join("pass_cases.rs");
    fs::write(out, cases).expect("OUT_DIR is writable");
}

/// `every-key.rs` → `case_every_key`: a module name that cannot be a keyword.
fn module_name(file: &Path) -> String {
    let stem = file
        .file_stem()
        .and_then(|stem| stem.to_str())
        .unwrap_or("case");
    let name: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("case_{name}")
}
