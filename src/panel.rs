//! Comparison across reports: the long panel table (one row per indicator per report).
