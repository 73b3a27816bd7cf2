//! The `baogao` command (native only).

/// Run the CLI; returns the process exit code.
pub fn main() -> i32 {
    0
}
