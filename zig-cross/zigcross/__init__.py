"""Reproducible cross-builds of the sqlite-vec loadable extension with zig."""
