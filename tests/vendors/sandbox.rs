//! Every vendor against `vendors::sandbox`: the demo credentials log in, a wrong password gives
//! the vendor's kind of failure.

use std::time::Duration;

use auth_core::{ErrorKind, VendorCode};
use vendors::sandbox::{Sandbox, demo};
use vendors::{hyper3d, hypernative, project_thanos, talkstack, up2_money};

use super::{assert_hidden, client, shown};

const WRONG_PASSWORD: &str = "not-the-demo-password";

async fn sandbox() -> Sandbox {
    Sandbox::start().await.expect("the sandbox binds loopback")
}

#[tokio::test]
async fn hypernative() {
    let sandbox = sandbox().await;
    let login = |password: &str| {
        hypernative::Login::builder()
            .email(demo::EMAIL)
            .password(password)
            .organization_id(demo::ORGANIZATION_ID)
            .build()
    };
    let session = login(demo::PASSWORD)
        .send_to(&client(), &sandbox.hypernative())
        .await
        .expect("the demo user logs in");
    assert!(!session.token().is_empty());
    assert!(session.refresh_token().is_some());

    let error = login(WRONG_PASSWORD)
        .send_to(&client(), &sandbox.hypernative())
        .await
        .expect_err("a wrong password fails");
    assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    assert_eq!(error.status(), Some(401));
    assert_eq!(error.vendor_code(), Some(&VendorCode::Number(1004)));
    assert_hidden(&shown(&error), &[WRONG_PASSWORD]);
}

#[tokio::test]
async fn project_thanos() {
    let sandbox = sandbox().await;
    let login = |password: &str| {
        project_thanos::Login::builder()
            .username(demo::USERNAME)
            .password(password)
            .build()
    };
    let session = login(demo::PASSWORD)
        .send_to(&client(), &sandbox.project_thanos())
        .await
        .expect("the demo user logs in");
    assert_eq!(session.token().expose_secret().len(), 40);
    assert_eq!(
        session.response().org_type,
        project_thanos::OrgType::Retailer
    );

    let error = login(WRONG_PASSWORD)
        .send_to(&client(), &sandbox.project_thanos())
        .await
        .expect_err("a wrong password fails");
    assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    assert_eq!(error.status(), Some(401));
}

#[tokio::test]
async fn up2_money() {
    let sandbox = sandbox().await;
    let login = |password: &str| {
        up2_money::Login::builder()
            .api_secret(demo::API_SECRET)
            .email(demo::EMAIL)
            .password(password)
            .build()
    };
    let session = login(demo::PASSWORD)
        .send_to(&client(), &sandbox.up2_money())
        .await
        .expect("the demo user logs in");
    assert!(!session.token().is_empty());
    assert_eq!(session.idle_timeout(), Some(Duration::from_secs(5 * 60)));
    assert_eq!(
        session.response().identity.kind,
        up2_money::IdentityType::Consumer
    );

    let error = login(WRONG_PASSWORD)
        .send_to(&client(), &sandbox.up2_money())
        .await
        .expect_err("a wrong password fails");
    assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    assert_eq!(error.status(), Some(401));
    assert_eq!(error.message(), Some("Login failed."));
}

#[tokio::test]
async fn hyper3d() {
    let sandbox = sandbox().await;
    let login = |password: &str| {
        hyper3d::Login::builder()
            .email(demo::EMAIL)
            .password(password)
            .build()
    };
    let session = login(demo::PASSWORD)
        .send_to(&client(), &sandbox.hyper3d())
        .await
        .expect("the demo user logs in");
    assert!(!session.token().is_empty());
    assert_eq!(session.response().email.as_deref(), Some(demo::EMAIL));

    let error = login(WRONG_PASSWORD)
        .send_to(&client(), &sandbox.hyper3d())
        .await
        .expect_err("a wrong password fails");
    assert_eq!(error.kind(), ErrorKind::Rejected);
    assert_eq!(error.status(), Some(200));
    assert_eq!(error.message(), Some("invalid email or password"));
}

#[tokio::test]
async fn talkstack() {
    let sandbox = sandbox().await;
    let login = |password: &str| {
        talkstack::Login::builder()
            .email(demo::EMAIL)
            .password(password)
            .build()
    };
    let session = login(demo::PASSWORD)
        .send_to(&client(), &sandbox.talkstack())
        .await
        .expect("the demo user logs in");
    assert!(!session.token().is_empty());
    // The sandbox states `expirationTime` as login time plus the documented 2 hours.
    let expected = session.issued_at() + Duration::from_secs(2 * 60 * 60);
    let expires_at = session.expires_at().expect("an expiry");
    let gap = expires_at
        .duration_since(expected)
        .unwrap_or_else(|e| e.duration());
    assert!(
        gap < Duration::from_secs(60),
        "expires {gap:?} away from 2 h"
    );

    let error = login(WRONG_PASSWORD)
        .send_to(&client(), &sandbox.talkstack())
        .await
        .expect_err("a wrong password fails");
    assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    assert_eq!(error.status(), Some(401));
    assert_eq!(error.vendor_code(), Some(&VendorCode::Number(4)));
}

/// `GET {demo_api}/me` with `token` as a bearer token: the status and the body.
async fn call_demo_api(sandbox: &Sandbox, token: Option<&str>) -> (u16, String, Option<String>) {
    let http = client().http_client();
    let mut request = http.get(format!("{}/me", sandbox.demo_api()));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("the demo API answers");
    let challenge = response
        .headers()
        .get("www-authenticate")
        .map(|value| value.to_str().unwrap().to_owned());
    let status = response.status().as_u16();
    (status, response.text().await.unwrap(), challenge)
}

#[tokio::test]
async fn the_demo_api_accepts_each_vendors_latest_token_and_refuses_stale_ones() {
    let sandbox = sandbox().await;
    let talkstack_login = || {
        talkstack::Login::builder()
            .email(demo::EMAIL)
            .password(demo::PASSWORD)
            .build()
    };
    let first = talkstack_login()
        .send_to(&client(), &sandbox.talkstack())
        .await
        .unwrap();
    let thanos = project_thanos::Login::builder()
        .username(demo::USERNAME)
        .password(demo::PASSWORD)
        .build()
        .send_to(&client(), &sandbox.project_thanos())
        .await
        .unwrap();
    let first_token = first.token().expose_secret();
    assert_eq!(
        call_demo_api(&sandbox, Some(first_token)).await,
        (200, r#"{"vendor":"TalkStack AI"}"#.to_owned(), None)
    );
    assert_eq!(
        call_demo_api(&sandbox, Some(thanos.token().expose_secret()))
            .await
            .1,
        r#"{"vendor":"Project Thanos"}"#
    );

    // A second TalkStack login makes the first token stale; Project Thanos's stays current.
    let second = talkstack_login()
        .send_to(&client(), &sandbox.talkstack())
        .await
        .unwrap();
    let refused = (
        401,
        r#"{"error":"invalid_token"}"#.to_owned(),
        Some(r#"Bearer error="invalid_token""#.to_owned()),
    );
    assert_eq!(call_demo_api(&sandbox, Some(first_token)).await, refused);
    assert_eq!(
        call_demo_api(&sandbox, Some(second.token().expose_secret()))
            .await
            .0,
        200
    );
    assert_eq!(call_demo_api(&sandbox, None).await, refused);

    // Every token goes stale at once.
    sandbox.expire_tokens();
    for token in [second.token(), thanos.token()] {
        assert_eq!(
            call_demo_api(&sandbox, Some(token.expose_secret())).await,
            refused
        );
    }
    assert_eq!(sandbox.api_requests(), 7);
    assert_eq!(sandbox.login_requests(), 3, "API calls are not logins");
}
