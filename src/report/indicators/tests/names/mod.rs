//! Names: whose figure it is — subjects carried, split, joined, or named by what follows.

use super::*;

mod carried;
mod keys;
mod not_names;
mod split;
