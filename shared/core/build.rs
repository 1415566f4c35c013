//! Reads `infra/resources.json` — the one place the table and the queues are named — and writes
//! the names as constants for `copycat_core::queues`, so the code, the emulator set-up and the
//! SAM template (held to the same file by `tests/tests/template.rs`) cannot drift apart. A file
//! without exactly the three queues CopyCat uses fails the build, naming what is wrong.

use std::path::Path;

/// The queue roles the code has types for, in `QueueId` order.
const ROLES: [&str; 3] = ["candidates", "signals", "notifications"];

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let path = Path::new(&manifest).join("../../infra/resources.json");
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
    let table = doc["table"]["name"].as_str().unwrap_or_else(|| panic!("{}: table.name is missing", path.display()));
    let queues = doc["queues"].as_array().unwrap_or_else(|| panic!("{}: queues is not a list", path.display()));
    let roles: Vec<&str> = queues.iter().filter_map(|q| q["role"].as_str()).collect();
    let mut sorted = roles.clone();
    sorted.sort_unstable();
    let mut expected = ROLES.to_vec();
    expected.sort_unstable();
    assert_eq!(sorted, expected, "{}: the queue roles must be exactly {ROLES:?}", path.display());
    let mut out =
        format!("/// The state table's name (`table.name` in `infra/resources.json`).\npub const TABLE_NAME: &str = {table:?};\n\n");
    out.push_str("/// Per role, in `QueueId` order: (role, queue name, dead-letter queue name, FIFO).\nconst QUEUE_DEFS: [(&str, &str, &str, bool); 3] = [\n");
    for role in ROLES {
        let q = queues.iter().find(|q| q["role"].as_str() == Some(role)).expect("checked above");
        let field = |v: &serde_json::Value, what: &str| -> String {
            v.as_str().unwrap_or_else(|| panic!("{}: queue {role}: {what} is missing", path.display())).to_string()
        };
        let name = field(&q["name"], "name");
        let dlq = field(&q["dead_letter"]["name"], "dead_letter.name");
        let fifo = q["fifo"].as_bool().unwrap_or_else(|| panic!("{}: queue {role}: fifo is missing", path.display()));
        out.push_str(&format!("    ({role:?}, {name:?}, {dlq:?}, {fifo}),\n"));
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("resources.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
}
