//! Logs in to one vendor and prints the session, with the token redacted.
//!
//! ```sh
//! LOGIN_PASSWORD=... cargo run --example login -- --vendor talkstack --email me@example.com
//! ```
//!
//! The password comes from the `LOGIN_PASSWORD` environment variable, or else from one line of
//! standard input; Up2 Money's API secret likewise from `LOGIN_API_SECRET` or the next line.
//! Secrets are never taken from the command line, where other users of the machine can read
//! them in the process list and the shell keeps them in its history.
//!
//! Run it with `--help` for every option.

use std::fmt::Debug;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use auth_core::{AuthError, LoginClient, LoginEndpoint, Secret, Session};
use vendors::{hyper3d, hypernative, project_thanos, talkstack, up2_money};

/// `println!` that ignores a closed stdout (`... | head`) instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

const USAGE: &str = "\
Logs in to a vendor and prints the session, with the token redacted.

Usage:
  cargo run --example login -- --vendor VENDOR --email EMAIL [OPTIONS]

Required:
  --vendor VENDOR          hypernative, project-thanos, up2-money, hyper3d or talkstack
  --email EMAIL            the account's e-mail (Project Thanos: its username; --username works too)

Options:
  --base-url URL           log in here instead of the vendor's documented base URL
                           (an on-premises host, staging, a local test server); plain
                           http:// is accepted only for loopback hosts
  --organization-id N      Hypernative: the organization to log in to, for users in several
  --show-token             print the access token itself (the refresh token stays redacted)
  -h, --help               print this help

Secrets are never read from the command line:
  password                 LOGIN_PASSWORD, or else one line of standard input
  Up2 Money API secret     LOGIN_API_SECRET, or else the next line of standard input
                           (the x-secret header of your application)
When standard input is a terminal you are prompted; what you type is shown.

Exit status: 0 logged in, 1 the login failed, 2 bad arguments or no password.";

/// The five vendors, by the name given on the command line.
#[derive(Clone, Copy)]
enum Vendor {
    Hypernative,
    ProjectThanos,
    Up2Money,
    Hyper3d,
    TalkStack,
}

impl Vendor {
    fn parse(name: &str) -> Option<Vendor> {
        match name.to_ascii_lowercase().as_str() {
            "hypernative" => Some(Vendor::Hypernative),
            "project-thanos" | "project_thanos" | "thanos" => Some(Vendor::ProjectThanos),
            "up2-money" | "up2_money" | "up2" => Some(Vendor::Up2Money),
            "hyper3d" => Some(Vendor::Hyper3d),
            "talkstack" | "talkstack-ai" => Some(Vendor::TalkStack),
            _ => None,
        }
    }
}

/// The parsed command line.
struct Args {
    vendor: Vendor,
    email: String,
    base_url: Option<String>,
    organization_id: Option<u64>,
    show_token: bool,
}

/// Why the program stops before logging in.
enum Stop {
    /// `--help`: print the usage to stdout and succeed.
    Help,
    /// Bad arguments or no password: say why, then exit with status 2.
    Usage(String),
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, Stop> {
    let mut vendor = None;
    let mut email = None;
    let mut base_url = None;
    let mut organization_id = None;
    let mut show_token = false;

    while let Some(arg) = args.next() {
        // Both `--flag value` and `--flag=value`.
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg, None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| Stop::Usage(format!("{flag} needs a value")))
        };
        match flag.as_str() {
            "-h" | "--help" => return Err(Stop::Help),
            "--vendor" => {
                let name = value()?;
                let parsed = Vendor::parse(&name)
                    .ok_or_else(|| Stop::Usage(format!("unknown vendor `{name}`")))?;
                vendor = Some(parsed);
            }
            "--email" | "--username" => email = Some(value()?),
            "--base-url" => base_url = Some(value()?),
            "--organization-id" => {
                let text = value()?;
                let id = text.parse().map_err(|_| {
                    Stop::Usage(format!("--organization-id takes a number, not `{text}`"))
                })?;
                organization_id = Some(id);
            }
            "--show-token" if inline.is_none() => show_token = true,
            "--password" | "--api-secret" => {
                return Err(Stop::Usage(format!(
                    "{flag} is not accepted: secrets on the command line leak into the process list and shell history; use the environment or standard input"
                )));
            }
            _ => return Err(Stop::Usage(format!("unexpected argument `{flag}`"))),
        }
    }

    let vendor = vendor.ok_or_else(|| Stop::Usage("--vendor is required".to_owned()))?;
    let email = email.ok_or_else(|| Stop::Usage("--email is required".to_owned()))?;
    if organization_id.is_some() && !matches!(vendor, Vendor::Hypernative) {
        return Err(Stop::Usage(
            "--organization-id is only for Hypernative".to_owned(),
        ));
    }
    Ok(Args {
        vendor,
        email,
        base_url,
        organization_id,
        show_token,
    })
}

/// Reads secrets from their environment variables, or else line by line from stdin.
struct SecretSource {
    stdin: std::io::StdinLock<'static>,
    interactive: bool,
}

impl SecretSource {
    fn new() -> Self {
        let stdin = std::io::stdin();
        let interactive = stdin.is_terminal();
        SecretSource {
            stdin: stdin.lock(),
            interactive,
        }
    }

    /// The value of `variable`, or else the next line of stdin, prompting with `what` when stdin
    /// is a terminal. An empty value counts as none.
    fn read(&mut self, variable: &str, what: &str) -> Result<Secret, Stop> {
        if let Some(value) = std::env::var_os(variable) {
            let value = value
                .into_string()
                .map_err(|_| Stop::Usage(format!("{variable} is not valid UTF-8")))?;
            if value.is_empty() {
                return Err(Stop::Usage(format!("{variable} is set but empty")));
            }
            return Ok(Secret::from(value));
        }
        if self.interactive {
            eprint!("Enter the {what} (shown as you type): ");
            // A prompt that does not appear is only cosmetic; reading still works.
            let _ = std::io::stderr().flush();
        }
        let mut line = String::new();
        self.stdin.read_line(&mut line).map_err(|e| {
            Stop::Usage(format!(
                "could not read the {what} from standard input: {e}"
            ))
        })?;
        // Only the line ending is removed: spaces can be part of a password.
        let content = line.trim_end_matches(['\n', '\r']).len();
        line.truncate(content);
        if line.is_empty() {
            return Err(Stop::Usage(format!(
                "no {what}: set {variable} or write it as a line on standard input"
            )));
        }
        Ok(Secret::from(line))
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    // `args_os`: `std::env::args` panics on an argument that is not UTF-8.
    let args: Result<Vec<String>, Stop> = std::env::args_os()
        .skip(1)
        .map(|arg| {
            arg.into_string()
                .map_err(|arg| Stop::Usage(format!("{} is not valid UTF-8", arg.display())))
        })
        .collect();
    let args = match args.and_then(|args| parse_args(args.into_iter())) {
        Ok(args) => args,
        Err(stop) => return stopped(stop),
    };
    let mut secrets = SecretSource::new();
    let password = match secrets.read("LOGIN_PASSWORD", "password") {
        Ok(password) => password,
        Err(stop) => return stopped(stop),
    };
    let api_secret = match args.vendor {
        Vendor::Up2Money => match secrets.read("LOGIN_API_SECRET", "Up2 Money API secret") {
            Ok(secret) => Some(secret),
            Err(stop) => return stopped(stop),
        },
        _ => None,
    };

    match log_in(&args, password, api_secret).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn stopped(stop: Stop) -> ExitCode {
    match stop {
        Stop::Help => {
            say!("{USAGE}");
            ExitCode::SUCCESS
        }
        Stop::Usage(reason) => {
            let _ = writeln!(std::io::stderr(), "error: {reason}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

async fn log_in(
    args: &Args,
    password: Secret,
    api_secret: Option<Secret>,
) -> Result<(), AuthError> {
    let client = LoginClient::new()?;
    let base_url = |spec: &auth_core::EndpointSpec| -> String {
        args.base_url
            .clone()
            .unwrap_or_else(|| spec.base_url().to_owned())
    };
    match args.vendor {
        Vendor::Hypernative => {
            let mut builder = hypernative::Login::builder()
                .email(&args.email)
                .password(password);
            if let Some(id) = args.organization_id {
                builder = builder.organization_id(id);
            }
            let login = builder.build();
            let url = base_url(hypernative::Login::SPEC);
            announce(hypernative::Login::SPEC, &url);
            print_session(&login.send_to(&client, &url).await?, args.show_token);
        }
        Vendor::ProjectThanos => {
            let login = project_thanos::Login::builder()
                .username(&args.email)
                .password(password)
                .build();
            let url = base_url(project_thanos::Login::SPEC);
            announce(project_thanos::Login::SPEC, &url);
            print_session(&login.send_to(&client, &url).await?, args.show_token);
        }
        Vendor::Up2Money => {
            let login = up2_money::Login::builder()
                // `main` always reads it for Up2 Money; an empty one would be refused with 403.
                .api_secret(api_secret.unwrap_or_default())
                .email(&args.email)
                .password(password)
                .build();
            let url = base_url(up2_money::Login::SPEC);
            announce(up2_money::Login::SPEC, &url);
            print_session(&login.send_to(&client, &url).await?, args.show_token);
        }
        Vendor::Hyper3d => {
            let login = hyper3d::Login::builder()
                .email(&args.email)
                .password(password)
                .build();
            let url = base_url(hyper3d::Login::SPEC);
            announce(hyper3d::Login::SPEC, &url);
            print_session(&login.send_to(&client, &url).await?, args.show_token);
        }
        Vendor::TalkStack => {
            let login = talkstack::Login::builder()
                .email(&args.email)
                .password(password)
                .build();
            let url = base_url(talkstack::Login::SPEC);
            announce(talkstack::Login::SPEC, &url);
            print_session(&login.send_to(&client, &url).await?, args.show_token);
        }
    }
    Ok(())
}

/// Says where the login goes, on stderr so stdout is only the session.
fn announce(spec: &auth_core::EndpointSpec, base_url: &str) {
    eprintln!(
        "Logging in to {} at {} {}{}",
        spec.vendor(),
        spec.method().as_str(),
        base_url.trim_end_matches('/'),
        spec.path()
    );
}

fn print_session<R: Debug>(session: &Session<R>, show_token: bool) {
    let token = session.token();
    say!("vendor:        {}", session.vendor());
    if show_token {
        say!("token:         {}", token.expose_secret());
    } else {
        let length = token.expose_secret().len();
        say!("token:         {token} ({length} chars; --show-token prints it)");
    }
    if let Some(refresh) = session.refresh_token() {
        say!(
            "refresh token: {refresh} ({} chars)",
            refresh.expose_secret().len()
        );
    }
    say!("issued at:     {}", utc(session.issued_at()));
    match session.expires_at() {
        Some(at) => say!("expires at:    {}", utc(at)),
        None if session.idle_timeout().is_none() => {
            say!("expires at:    not documented by the vendor");
        }
        None => {}
    }
    if let Some(idle) = session.idle_timeout() {
        let seconds = idle.as_secs();
        let shown = if seconds % 60 == 0 {
            format!("{}m", seconds / 60)
        } else {
            format!("{seconds}s")
        };
        say!("idle timeout:  {shown} after last use");
    }
    // Response types hold their tokens as `Secret`, so this prints them redacted.
    say!("response:      {:#?}", session.response());
}

/// RFC 3339 in UTC to the second, or the raw value if the clock is out of jiff's range.
fn utc(time: std::time::SystemTime) -> String {
    match jiff::Timestamp::try_from(time) {
        Ok(timestamp) => timestamp.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
        Err(_) => format!("{time:?}"),
    }
}
