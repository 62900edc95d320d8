use vendors::sandbox::{Sandbox, demo};

#[tokio::test]
async fn smoke() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = auth_core::LoginClient::new().unwrap();
    let login = vendors::hypernative::Login::builder()
        .email(demo::EMAIL)
        .password(demo::PASSWORD)
        .organization_id(demo::ORGANIZATION_ID)
        .build();
    println!("{login:?}");
    let session = login
        .send_to(&client, &sandbox.hypernative())
        .await
        .unwrap();
    println!("{session:?}");
    let err = vendors::hypernative::Login::builder()
        .email(demo::EMAIL)
        .password(demo::PASSWORD)
        .build()
        .send_to(&client, &sandbox.hypernative())
        .await
        .unwrap_err();
    println!("{err}\n{err:?}");
    let err = vendors::hypernative::Login::builder()
        .email(demo::EMAIL)
        .password("nope")
        .build()
        .send_to(&client, &sandbox.hypernative())
        .await
        .unwrap_err();
    println!("{err}");
    let err = vendors::hypernative::Login::builder()
        .email(demo::EMAIL)
        .password("nope")
        .build()
        .send(&client)
        .await
        .unwrap_err();
    println!("{err}");
}
