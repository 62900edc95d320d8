use auth_core::{login_endpoint, Secret};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct TicketResponse {
    pub data: Ticket,
}

#[derive(Debug, Deserialize)]
pub struct Ticket {
    pub ticket: Secret,
    #[serde(rename = "CSRFPreventionToken")]
    pub csrf_prevention_token: Secret,
}

#[login_endpoint(
    vendor = "Proxmox VE",
    path = "/api2/json/access/ticket",
    body = form,
    response = TicketResponse,
    token = data.ticket,
    csrf_token = data.csrf_prevention_token,
    lifetime = "2h",
)]
pub struct Login {
    username: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
