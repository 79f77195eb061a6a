pub mod assessment;
pub mod home;
pub mod results;
pub mod scoring;
