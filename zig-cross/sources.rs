// Intentionally empty: this crate exists only so that Cargo.toml/Cargo.lock pin
// and checksum the C sources that zig-cross compiles.
