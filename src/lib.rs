//! Baogao: parse Chinese government work reports (政府工作报告).
pub mod report;
