#[tokio::test]
async fn probe() {
    tracing_log::LogTracer::init().unwrap();
    let subscriber = tracing_subscriber::fmt().with_max_level(tracing::Level::TRACE).with_ansi(false).finish();
    let _g = tracing::subscriber::set_default(subscriber);
    let server = wiremock::MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::method("POST")).respond_with(wiremock::ResponseTemplate::new(200).set_body_raw("tok-Hn-Zr5Wb0Pj6y", "text/plain")).mount(&server).await;
    let client = auth_core::LoginClient::builder().retry_policy(auth_core::RetryPolicy::disabled()).build().unwrap();
    let b = vendors::up2_money::Login::builder().api_secret("sk-x").password("pw");
    println!("{b:?}");
    let e = b.email("e").build().send_to(&client, &server.uri()).await.unwrap_err();
    println!("{e}");
}
