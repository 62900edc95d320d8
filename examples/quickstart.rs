//! Logs in to all five vendors on a loopback sandbox, shows how each kind of failure looks,
//! shares one session between concurrent tasks with an `Authenticator`, and calls an API with
//! that session through `AuthMiddleware`, which logs in again once when the token goes stale.
//!
//! ```sh
//! cargo run --example quickstart
//! ```
//!
//! No internet is needed: [`Sandbox`] serves every vendor's documented protocol on 127.0.0.1.
//! Tokens are printed redacted, as `Secret`'s `Debug` prints them, with their length.
//!
//! Every outcome is checked against what the vendor's document says should happen, so the
//! program doubles as a smoke test: it exits non-zero and names the difference when anything
//! turns out otherwise.

use std::error::Error;
use std::fmt;
use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, SystemTime};

use std::sync::Arc;

use auth_core::middleware::AuthMiddleware;
use auth_core::{AuthError, Authenticator, ErrorKind, LoginClient, Secret, Session, VendorCode};
use vendors::sandbox::{Sandbox, demo};
use vendors::{hyper3d, hypernative, project_thanos, talkstack, up2_money};

/// `println!` that ignores a closed stdout (`... | head`) instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(Verdict::AsExpected) => ExitCode::SUCCESS,
        Ok(Verdict::Unexpected) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("quickstart: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Whether every outcome was the documented one.
enum Verdict {
    AsExpected,
    Unexpected,
}

async fn run() -> Result<Verdict, Box<dyn Error>> {
    let sandbox = Sandbox::start().await?;
    // Plain http is allowed to loopback by default; a short deadline keeps a broken sandbox from
    // stalling the run.
    let client = LoginClient::builder()
        .timeout(Duration::from_secs(5))
        .build()?;
    say!("Sandbox listening on http://{}\n", sandbox.addr());

    let mut logins = Logins::default();

    let outcome = hypernative::Login::builder()
        .email(demo::EMAIL)
        .password(demo::PASSWORD)
        .organization_id(demo::ORGANIZATION_ID)
        .build()
        .send_to(&client, &sandbox.hypernative())
        .await;
    logins.check(&outcome, Lifetime::Undocumented, |response| {
        let refresh = response.data.refresh_token.as_ref();
        format!("data.refreshToken = {}", redacted(refresh))
    });

    let outcome = project_thanos::Login::builder()
        .username(demo::USERNAME)
        .password(demo::PASSWORD)
        .build()
        .send_to(&client, &sandbox.project_thanos())
        .await;
    logins.check(&outcome, Lifetime::Undocumented, |response| {
        format!("org_type = {:?}", response.org_type)
    });

    let outcome = up2_money::Login::builder()
        .api_secret(demo::API_SECRET)
        .email(demo::EMAIL)
        .password(demo::PASSWORD)
        .build()
        .send_to(&client, &sandbox.up2_money())
        .await;
    logins.check(&outcome, Lifetime::Idle(minutes(5)), |response| {
        format!("identity.type = {:?}", response.identity.kind)
    });

    let outcome = hyper3d::Login::builder()
        .email(demo::EMAIL)
        .password(demo::PASSWORD)
        .build()
        .send_to(&client, &sandbox.hyper3d())
        .await;
    logins.check(&outcome, Lifetime::Undocumented, |response| {
        format!(
            "username = {:?}",
            response.username.as_deref().unwrap_or("-")
        )
    });

    let outcome = talkstack::Login::builder()
        .email(demo::EMAIL)
        .password(demo::PASSWORD)
        .build()
        .send_to(&client, &sandbox.talkstack())
        .await;
    logins.check(&outcome, Lifetime::Expires(minutes(120)), |response| {
        let name = response.user.as_ref().and_then(|user| user.name.as_deref());
        format!("user.name = {:?}", name.unwrap_or("-"))
    });

    say!("Logins (ok: as the vendor documents; !!: not)");
    logins.table.print();

    let mut failures = Failures::default();
    const WRONG_PASSWORD: &str = "not-the-password";

    let outcome = project_thanos::Login::builder()
        .username(demo::USERNAME)
        .password(WRONG_PASSWORD)
        .build()
        .send_to(&client, &sandbox.project_thanos())
        .await;
    failures.check(
        Expected::new(
            "Project Thanos: wrong password",
            ErrorKind::InvalidCredentials,
            401,
        ),
        &outcome,
    );

    let outcome = talkstack::Login::builder()
        .email(demo::EMAIL)
        .password(WRONG_PASSWORD)
        .build()
        .send_to(&client, &sandbox.talkstack())
        .await;
    failures.check(
        Expected::new(
            "TalkStack AI: wrong password",
            ErrorKind::InvalidCredentials,
            401,
        )
        .code(4),
        &outcome,
    );

    let outcome = talkstack::Login::builder()
        .email(demo::EMAIL)
        .password("")
        .build()
        .send_to(&client, &sandbox.talkstack())
        .await;
    failures.check(
        Expected::new(
            "TalkStack AI: empty password",
            ErrorKind::InvalidRequest,
            400,
        )
        .code(0),
        &outcome,
    );

    let outcome = up2_money::Login::builder()
        .api_secret(demo::API_SECRET)
        .email(demo::EMAIL)
        .password("")
        .build()
        .send_to(&client, &sandbox.up2_money())
        .await;
    failures.check(
        Expected::new(
            "Up2 Money: empty password.value",
            ErrorKind::InvalidRequest,
            400,
        )
        .field("password.value"),
        &outcome,
    );

    let outcome = hypernative::Login::builder()
        .email(demo::EMAIL)
        .password(demo::PASSWORD)
        .build()
        .send_to(&client, &sandbox.hypernative())
        .await;
    failures.check(
        Expected::new(
            "Hypernative: no organizationId",
            ErrorKind::InvalidRequest,
            400,
        )
        .code(1002),
        &outcome,
    );

    let outcome = up2_money::Login::builder()
        .api_secret(demo::API_SECRET)
        .email(demo::EMAIL)
        .password(demo::EXPIRED_PASSWORD_TOKEN)
        .build()
        .send_to(&client, &sandbox.up2_money())
        .await;
    failures.check(
        Expected::new("Up2 Money: expired password token", ErrorKind::Expired, 400)
            .code("TOKEN_EXPIRED"),
        &outcome,
    );

    // Three consecutive wrong passwords lock the account; then even the right one is refused.
    for attempt in 1..=3 {
        let outcome = up2_money::Login::builder()
            .api_secret(demo::API_SECRET)
            .email(demo::EMAIL)
            .password(WRONG_PASSWORD)
            .build()
            .send_to(&client, &sandbox.up2_money())
            .await;
        failures.check(
            Expected::new(
                format!("Up2 Money: wrong password, {attempt} of 3"),
                ErrorKind::InvalidCredentials,
                401,
            ),
            &outcome,
        );
    }
    let outcome = up2_money::Login::builder()
        .api_secret(demo::API_SECRET)
        .email(demo::EMAIL)
        .password(demo::PASSWORD)
        .build()
        .send_to(&client, &sandbox.up2_money())
        .await;
    failures.check(
        Expected::new(
            "Up2 Money: right password, now locked",
            ErrorKind::Locked,
            423,
        )
        .retry_after(minutes(30)),
        &outcome,
    );

    let outcome = talkstack::Login::builder()
        .email(demo::UNVERIFIED_EMAIL)
        .password(demo::PASSWORD)
        .build()
        .send_to(&client, &sandbox.talkstack())
        .await;
    failures.check(
        Expected::new(
            "TalkStack AI: unverified (200 + loginStatus)",
            ErrorKind::Forbidden,
            200,
        )
        .code(2),
        &outcome,
    );

    let outcome = hyper3d::Login::builder()
        .email(demo::EMAIL)
        .password(WRONG_PASSWORD)
        .build()
        .send_to(&client, &sandbox.hyper3d())
        .await;
    failures.check(
        Expected::new(
            "Hyper3D: wrong password (200 + `error`)",
            ErrorKind::Rejected,
            200,
        ),
        &outcome,
    );

    say!("\nFailures");
    failures.table.print();

    let shared = shared_session(&sandbox, &client).await?;
    let authorized = authorized_calls(&sandbox, &client).await?;

    let problems: Vec<&String> = logins
        .problems
        .iter()
        .chain(&failures.problems)
        .chain(&shared)
        .chain(&authorized)
        .collect();
    let total = logins.table.rows.len() + failures.table.rows.len() + 4;
    say!();
    if problems.is_empty() {
        say!("All {total} outcomes as documented.");
        Ok(Verdict::AsExpected)
    } else {
        eprintln!("{} of {total} outcomes were unexpected:", problems.len());
        for problem in problems {
            eprintln!("  - {problem}");
        }
        Ok(Verdict::Unexpected)
    }
}

/// Tasks that share one session through an `Authenticator`: however many ask at once, the
/// vendor sees one login, and every task gets the same token. Returns what went unexpectedly.
async fn shared_session(
    sandbox: &Sandbox,
    client: &LoginClient,
) -> Result<Vec<String>, Box<dyn Error>> {
    const TASKS: usize = 8;
    let login = talkstack::Login::builder()
        .email(demo::EMAIL)
        .password(demo::PASSWORD)
        .build();
    let auth =
        Arc::new(Authenticator::new(client.clone(), login).with_base_url(sandbox.talkstack()));
    let before = sandbox.login_requests();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..TASKS {
        let auth = Arc::clone(&auth);
        // Each task would send `token.expose_secret()` as its bearer token.
        tasks.spawn(async move { auth.token().await });
    }
    let mut tokens = Vec::with_capacity(TASKS);
    for result in tasks.join_all().await {
        tokens.push(result?);
    }
    let logins = sandbox.login_requests() - before;
    let same = tokens
        .windows(2)
        .all(|pair| pair[0].expose_secret() == pair[1].expose_secret());
    let mark = if logins == 1 && same { MATCH } else { MISMATCH };
    say!("\nOne session shared by {TASKS} tasks (Authenticator)");
    say!(
        "  {mark}  TalkStack AI: {TASKS} concurrent token() calls, {logins} login, same token in every task: {same}"
    );
    let mut problems = Vec::new();
    if logins != 1 || !same {
        problems.push(format!(
            "shared session: expected 1 login and one token for {TASKS} tasks, saw {logins} logins (same token: {same})"
        ));
    }
    Ok(problems)
}

/// Authorized calls to the sandbox's demo API (the sandbox's own endpoint, not part of any
/// vendor's protocol) through `AuthMiddleware`: the token goes in `Authorization: Bearer`, and
/// when the API refuses it as stale, one new login and one resend follow. Returns what went
/// unexpectedly.
async fn authorized_calls(
    sandbox: &Sandbox,
    client: &LoginClient,
) -> Result<Vec<String>, Box<dyn Error>> {
    let login = talkstack::Login::builder()
        .email(demo::EMAIL)
        .password(demo::PASSWORD)
        .build();
    let auth =
        Arc::new(Authenticator::new(client.clone(), login).with_base_url(sandbox.talkstack()));
    let api = reqwest_middleware::ClientBuilder::new(client.http_client())
        .with(AuthMiddleware::new(auth))
        .build();
    let me = format!("{}/me", sandbox.demo_api());
    say!("\nAuthorized calls to the sandbox's demo API (AuthMiddleware)");
    let mut problems = Vec::new();
    let mut call = async |case: &str, logins_expected: usize| -> Result<(), Box<dyn Error>> {
        let (logins, calls) = (sandbox.login_requests(), sandbox.api_requests());
        let response = api.get(&me).send().await?;
        let status = response.status().as_u16();
        let body = response.text().await?;
        let logins = sandbox.login_requests() - logins;
        let calls = sandbox.api_requests() - calls;
        let mark = if status == 200 && logins == logins_expected {
            MATCH
        } else {
            problems.push(format!(
                "{case}: expected 200 after {logins_expected} login(s), got {status} after {logins}"
            ));
            MISMATCH
        };
        say!("  {mark}  {case}: HTTP {status} {body}; logins: {logins}, API requests: {calls}");
        Ok(())
    };
    call("GET /me (logs in first)", 1).await?;
    call("GET /me (cached token)", 0).await?;
    // The sandbox ends every session: the API refuses the token it was given.
    sandbox.expire_tokens();
    call("GET /me after the vendor ended the session", 1).await?;
    Ok(problems)
}

fn minutes(count: u64) -> Duration {
    Duration::from_secs(count * 60)
}

/// A secret as `Debug` prints it, with its length so a reader can tell it is there.
fn redacted(secret: Option<&Secret>) -> String {
    match secret {
        Some(secret) => format!("{secret:?} ({} chars)", secret.expose_secret().len()),
        None => "-".to_owned(),
    }
}

/// What the vendor's document says about a token's lifetime.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lifetime {
    /// The document states none.
    Undocumented,
    /// Valid for this long after its last use.
    Idle(Duration),
    /// Valid for this long after login, to the minute.
    Expires(Duration),
}

impl Lifetime {
    fn of<R>(session: &Session<R>) -> Lifetime {
        match (session.expires_at(), session.idle_timeout()) {
            (Some(expires_at), _) => {
                let validity = expires_at
                    .duration_since(session.issued_at())
                    .unwrap_or(Duration::ZERO);
                // The vendor stamps the expiry a moment before the response arrives.
                let rounded = (validity.as_secs() + 30) / 60;
                Lifetime::Expires(minutes(rounded))
            }
            (None, Some(idle)) => Lifetime::Idle(idle),
            (None, None) => Lifetime::Undocumented,
        }
    }
}

impl fmt::Display for Lifetime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Lifetime::Undocumented => f.write_str("not documented"),
            Lifetime::Idle(idle) => write!(f, "{} after last use", Span(*idle)),
            Lifetime::Expires(validity) => write!(f, "expires {} after login", Span(*validity)),
        }
    }
}

/// A duration as `2h`, `30m` or `1h 5m 3s`.
struct Span(Duration);

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds = self.0.as_secs();
        let parts = [
            (seconds / 3600, "h"),
            (seconds / 60 % 60, "m"),
            (seconds % 60, "s"),
        ];
        let mut shown = parts.iter().filter(|(count, _)| *count > 0).peekable();
        if shown.peek().is_none() {
            return f.write_str("0s");
        }
        let mut separator = "";
        for (count, unit) in shown {
            write!(f, "{separator}{count}{unit}")?;
            separator = " ";
        }
        Ok(())
    }
}

/// The successful logins, and what was not as documented about them.
struct Logins {
    table: Table<5>,
    problems: Vec<String>,
}

impl Default for Logins {
    fn default() -> Self {
        Logins {
            table: Table::new(["", "VENDOR", "TOKEN", "LIFETIME", "A TYPED RESPONSE FIELD"]),
            problems: Vec::new(),
        }
    }
}

impl Logins {
    /// Records a login that should have succeeded with the documented lifetime.
    fn check<R>(
        &mut self,
        outcome: &Result<Session<R>, AuthError>,
        lifetime: Lifetime,
        field: impl FnOnce(&R) -> String,
    ) {
        let session = match outcome {
            Ok(session) => session,
            Err(error) => {
                self.table.push([
                    MISMATCH.into(),
                    error.vendor().into(),
                    "-".into(),
                    "-".into(),
                    error.kind().to_string(),
                ]);
                self.problems.push(format!(
                    "{}: expected a session, got: {error}",
                    error.vendor()
                ));
                return;
            }
        };
        let actual = Lifetime::of(session);
        let mut mark = MATCH;
        if session.token().is_empty() {
            mark = MISMATCH;
            self.problems.push(format!(
                "{}: the session's token is empty",
                session.vendor()
            ));
        }
        if actual != lifetime {
            mark = MISMATCH;
            self.problems.push(format!(
                "{}: expected the lifetime \"{lifetime}\", got \"{actual}\"",
                session.vendor()
            ));
        }
        let lifetime = match session.expires_at() {
            Some(at) => format!("{actual} ({})", utc(at)),
            None => actual.to_string(),
        };
        self.table.push([
            mark.into(),
            session.vendor().into(),
            redacted(Some(session.token())),
            lifetime,
            field(session.response()),
        ]);
    }
}

/// `YYYY-MM-DD HH:MM:SS UTC`, or the raw value if the clock is out of jiff's range.
fn utc(time: SystemTime) -> String {
    match jiff::Timestamp::try_from(time) {
        Ok(timestamp) => timestamp.strftime("%Y-%m-%d %H:%M:%S UTC").to_string(),
        Err(_) => format!("{time:?}"),
    }
}

/// `value`, or `-` when there is none.
fn shown<T: fmt::Display>(value: Option<T>) -> String {
    value.map_or_else(|| "-".to_owned(), |value| value.to_string())
}

const MATCH: &str = "ok";
const MISMATCH: &str = "!!";

/// A failure the sandbox is documented to produce.
struct Expected {
    case: String,
    kind: ErrorKind,
    status: Option<u16>,
    code: Option<VendorCode>,
    field: Option<&'static str>,
    retry_after: Option<Duration>,
}

impl Expected {
    fn new(case: impl Into<String>, kind: ErrorKind, status: u16) -> Self {
        Expected {
            case: case.into(),
            kind,
            status: Some(status),
            code: None,
            field: None,
            retry_after: None,
        }
    }

    fn code(mut self, code: impl Into<VendorCode>) -> Self {
        self.code = Some(code.into());
        self
    }

    fn field(mut self, field: &'static str) -> Self {
        self.field = Some(field);
        self
    }

    fn retry_after(mut self, wait: Duration) -> Self {
        self.retry_after = Some(wait);
        self
    }

    /// What differs between this expectation and `error`, one phrase per difference.
    fn differences(&self, error: &AuthError) -> Vec<String> {
        let mut differences = Vec::new();
        let mut compare = |what: &str, actual: String, expected: String| {
            if actual != expected {
                differences.push(format!("{what} {actual}, expected {expected}"));
            }
        };
        compare(
            "kind",
            format!("{:?}", error.kind()),
            format!("{:?}", self.kind),
        );
        compare("HTTP status", shown(error.status()), shown(self.status));
        compare(
            "vendor code",
            shown(error.vendor_code()),
            shown(self.code.as_ref()),
        );
        compare(
            "retry after",
            shown(error.retry_after().map(Span)),
            shown(self.retry_after.map(Span)),
        );
        if let Some(field) = self.field
            && !error
                .field_errors()
                .iter()
                .any(|error| error.field == field)
        {
            differences.push(format!("no field error for `{field}`"));
        }
        differences
    }
}

/// The failed logins, and what was not as documented about them.
struct Failures {
    table: Table<6>,
    problems: Vec<String>,
}

impl Default for Failures {
    fn default() -> Self {
        Failures {
            table: Table::new(["", "CASE", "KIND", "HTTP", "CODE", "WHAT THE VENDOR SAID"]),
            problems: Vec::new(),
        }
    }
}

impl Failures {
    /// Records a login that should have failed as `expected` says.
    fn check<R>(&mut self, expected: Expected, outcome: &Result<Session<R>, AuthError>) {
        let error = match outcome {
            Err(error) => error,
            Ok(session) => {
                self.table.push([
                    MISMATCH.into(),
                    expected.case.clone(),
                    "logged in".into(),
                    "-".into(),
                    "-".into(),
                    format!("token {}", redacted(Some(session.token()))),
                ]);
                self.problems.push(format!(
                    "{}: expected a {:?} error, but logged in",
                    expected.case, expected.kind
                ));
                return;
            }
        };
        let differences = expected.differences(error);
        let mark = if differences.is_empty() {
            MATCH
        } else {
            self.problems.push(format!(
                "{}: {} ({error})",
                expected.case,
                differences.join("; ")
            ));
            MISMATCH
        };
        self.table.push([
            mark.into(),
            expected.case,
            format!("{:?}", error.kind()),
            shown(error.status()),
            shown(error.vendor_code()),
            said(error),
        ]);
    }
}

/// The vendor's message, field errors and requested wait, or `-` when it said nothing.
fn said(error: &AuthError) -> String {
    let mut parts = Vec::new();
    if let Some(message) = error.message() {
        parts.push(format!("{message:?}"));
    }
    if !error.field_errors().is_empty() {
        let fields: Vec<String> = error
            .field_errors()
            .iter()
            .map(|field| format!("{} {}", field.field, field.error))
            .collect();
        parts.push(format!("fields: {}", fields.join(", ")));
    }
    if let Some(wait) = error.retry_after() {
        parts.push(format!("retry after {}", Span(wait)));
    }
    if parts.is_empty() {
        // Project Thanos documents no error body: the status is all there is.
        "-".to_owned()
    } else {
        parts.join("; ")
    }
}

/// Rows printed with every column as wide as its widest cell.
struct Table<const N: usize> {
    header: [String; N],
    rows: Vec<[String; N]>,
}

impl<const N: usize> Table<N> {
    fn new(header: [&str; N]) -> Self {
        Table {
            header: header.map(str::to_owned),
            rows: Vec::new(),
        }
    }

    fn push(&mut self, row: [String; N]) {
        self.rows.push(row);
    }

    fn print(&self) {
        let mut widths = [0; N];
        for row in std::iter::once(&self.header).chain(&self.rows) {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        for row in std::iter::once(&self.header).chain(&self.rows) {
            let mut line = String::new();
            for (index, (cell, width)) in row.iter().zip(widths).enumerate() {
                if index + 1 == N {
                    // No padding after the last column, so lines carry no trailing spaces.
                    line.push_str(cell);
                } else {
                    line.push_str(&format!("{cell:<width$}  "));
                }
            }
            say!("  {}", line.trim_end());
        }
    }
}
