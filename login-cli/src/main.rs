//! `vendor-login`: logs in to one of the five vendors of the `vendors` crate and prints the
//! session, with the token redacted, or the error; as text, or as one JSON object for scripts.
//!
//! ```sh
//! cargo install --locked --path login-cli
//! LOGIN_PASSWORD=... vendor-login talkstack --email me@example.com --json
//! ```
//!
//! Run `vendor-login --help` for every option, the secrets' sources and the exit statuses.

mod cli;
mod exit;
mod input;
mod output;

use std::process::ExitCode;

use auth_core::{AuthError, LoginClient, LoginEndpoint, RetryPolicy, Secret, Session};
use clap::{CommandFactory, Parser};
use vendors::{hyper3d, hypernative, project_thanos, talkstack, up2_money};

use cli::{Cli, Command, Options, Vendor};
use input::{API_SECRET_VARIABLE, PASSWORD_VARIABLE, SecretSource};
use output::{Format, ResponseDetails};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version go to stdout with status 0; usage errors to stderr with 2.
            let _ = error.print();
            return ExitCode::from(exit::clamp(error.exit_code()));
        }
    };
    let format = Format {
        json: cli.options.json,
        show_token: cli.options.show_token,
    };
    let vendor = match cli.command {
        Command::Login(vendor) => vendor,
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "vendor-login",
                &mut std::io::stdout(),
            );
            return ExitCode::SUCCESS;
        }
    };
    // The values are dropped unread and unprinted: they are already exposed where they came
    // from, and must not spread further.
    for (given, flag, variable) in [
        (
            cli.options.password.is_some(),
            "--password",
            PASSWORD_VARIABLE,
        ),
        (
            cli.options.api_secret.is_some(),
            "--api-secret",
            API_SECRET_VARIABLE,
        ),
    ] {
        if given {
            output::problem(
                format,
                "Usage",
                &format!(
                    "{flag} is not accepted: a secret on the command line leaks into the process list and the shell's history; set {variable}, or type it when asked, or write it on standard input"
                ),
            );
            return ExitCode::from(exit::USAGE);
        }
    }

    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            // Without its I/O driver the login cannot even be tried.
            output::problem(
                format,
                "Runtime",
                &format!("could not start the I/O runtime: {e}"),
            );
            return ExitCode::from(exit::TRANSPORT);
        }
    };
    let code = runtime.block_on(run(vendor, &cli.options, format));
    ExitCode::from(code)
}

/// Reads the secrets, logs in, prints the outcome; returns the exit status.
async fn run(vendor: Vendor, options: &Options, format: Format) -> u8 {
    let secrets = SecretSource::new();
    let (vendor_name, account) = match &vendor {
        Vendor::Hypernative { email, .. } => (hypernative::Login::SPEC.vendor(), email),
        Vendor::ProjectThanos { username } => (project_thanos::Login::SPEC.vendor(), username),
        Vendor::Up2Money { email } => (up2_money::Login::SPEC.vendor(), email),
        Vendor::Hyper3d { email } => (hyper3d::Login::SPEC.vendor(), email),
        Vendor::Talkstack { email } => (talkstack::Login::SPEC.vendor(), email),
    };
    let password = match secrets.read(
        PASSWORD_VARIABLE,
        "password",
        &format!("Password for {account} at {vendor_name}: "),
    ) {
        Ok(password) => password,
        Err(reason) => {
            output::problem(format, "Usage", &reason);
            return exit::USAGE;
        }
    };
    let api_secret = if matches!(vendor, Vendor::Up2Money { .. }) {
        match secrets.read(
            API_SECRET_VARIABLE,
            "Up2 Money API secret",
            "Up2 Money API secret (x-secret): ",
        ) {
            Ok(secret) => Some(secret),
            Err(reason) => {
                output::problem(format, "Usage", &reason);
                return exit::USAGE;
            }
        }
    } else {
        None
    };

    match log_in(vendor, options, format, password, api_secret).await {
        Ok(()) => exit::LOGGED_IN,
        Err(error) => {
            output::login_error(format, &error);
            exit::for_kind(error.kind())
        }
    }
}

fn client(options: &Options) -> Result<LoginClient, AuthError> {
    let mut builder = LoginClient::builder();
    if let Some(timeout) = options.timeout {
        builder = builder.timeout(timeout);
    }
    if let Some(timeout) = options.attempt_timeout {
        builder = builder.attempt_timeout(timeout);
    }
    if options.no_retry {
        builder = builder.retry_policy(RetryPolicy::disabled());
    }
    builder.build()
}

async fn log_in(
    vendor: Vendor,
    options: &Options,
    format: Format,
    password: Secret,
    api_secret: Option<Secret>,
) -> Result<(), AuthError> {
    let client = client(options)?;
    let target = |spec: &auth_core::EndpointSpec| -> String {
        let base_url = options
            .base_url
            .clone()
            // Every vendor here documents its base URL.
            .unwrap_or_else(|| spec.base_url().unwrap_or_default().to_owned());
        output::announce(
            format,
            spec.vendor(),
            spec.method().as_str(),
            &base_url,
            spec.path(),
        );
        base_url
    };
    match vendor {
        Vendor::Hypernative {
            email,
            organization_id,
        } => {
            let mut builder = hypernative::Login::builder()
                .email(email)
                .password(password);
            if let Some(id) = organization_id {
                builder = builder.organization_id(id);
            }
            let login = builder.build();
            let base_url = target(hypernative::Login::SPEC);
            print(format, login.send_to(&client, &base_url).await?);
        }
        Vendor::ProjectThanos { username } => {
            let login = project_thanos::Login::builder()
                .username(username)
                .password(password)
                .build();
            let base_url = target(project_thanos::Login::SPEC);
            print(format, login.send_to(&client, &base_url).await?);
        }
        Vendor::Up2Money { email } => {
            let login = up2_money::Login::builder()
                // `run` always reads it for Up2 Money; an empty one would be refused with 403.
                .api_secret(api_secret.unwrap_or_default())
                .email(email)
                .password(password)
                .build();
            let base_url = target(up2_money::Login::SPEC);
            print(format, login.send_to(&client, &base_url).await?);
        }
        Vendor::Hyper3d { email } => {
            let login = hyper3d::Login::builder()
                .email(email)
                .password(password)
                .build();
            let base_url = target(hyper3d::Login::SPEC);
            print(format, login.send_to(&client, &base_url).await?);
        }
        Vendor::Talkstack { email } => {
            let login = talkstack::Login::builder()
                .email(email)
                .password(password)
                .build();
            let base_url = target(talkstack::Login::SPEC);
            print(format, login.send_to(&client, &base_url).await?);
        }
    }
    Ok(())
}

fn print<R: ResponseDetails>(format: Format, session: Session<R>) {
    output::session(format, &session);
}
