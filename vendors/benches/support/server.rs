//! A loopback server that answers each vendor's login path with its documented success body:
//! `POST http://127.0.0.1:<port>/<vendor name><vendor path>`. It does no work of its own beyond
//! reading the request, so both sides of a comparison meet the same, cheap server.

// Each bench target uses a different part of this module.
#![allow(dead_code)]

use std::net::{Ipv4Addr, SocketAddr};

use axum::Router;
use axum::body::Bytes;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::post;
use tokio::net::{TcpListener, TcpSocket};

use crate::samples::Vendor;

/// Binds `127.0.0.1` on a free port with room for `backlog` pending connections.
pub fn bind(backlog: u32) -> std::io::Result<TcpListener> {
    let socket = TcpSocket::new_v4()?;
    socket.set_reuseaddr(true)?;
    socket.bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))?;
    socket.listen(backlog)
}

/// The base URL to hand to a vendor's login at a server on `addr`.
pub fn base_url(addr: SocketAddr, vendor: Vendor) -> String {
    format!("http://{addr}/{}", vendor.name())
}

/// Routes answering every vendor's login path with its sample success body.
pub fn samples_router() -> Router {
    let mut router = Router::new();
    for vendor in Vendor::ALL {
        let path = format!("/{}{}", vendor.name(), vendor.path());
        router = router.route(
            &path,
            post(move |body: Bytes| async move {
                // The request body is read, as a real server would, and dropped.
                drop(body);
                (
                    StatusCode::OK,
                    [(header::CONTENT_TYPE, "application/json")],
                    vendor.success_body(),
                )
                    .into_response()
            }),
        );
    }
    router
}

/// Serves `router` on `listener` in a background task of the current runtime.
pub fn serve(listener: TcpListener, router: Router) -> SocketAddr {
    let addr = listener
        .local_addr()
        .expect("a bound listener has an address");
    tokio::spawn(async move {
        axum::serve(listener, router)
            .await
            .expect("the sample server runs");
    });
    addr
}
