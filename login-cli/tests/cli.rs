//! `vendor-login` run as a real child process, the way a person or a script runs it: against
//! the loopback sandbox of all five vendors, against loopback servers that never answer or
//! answer nonsense, and with bad arguments. Each run checks the exit status, the JSON shape
//! where `--json` is given, and that no password, API secret or token appears anywhere in what
//! the process wrote, on stdout or stderr, text or JSON.

use std::net::SocketAddr;
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use vendors::sandbox::{Sandbox, demo};

const BIN: &str = env!("CARGO_BIN_EXE_vendor-login");

/// A guard against a child that would otherwise hang the suite; never reached when it behaves.
const HANG_GUARD: Duration = Duration::from_secs(60);

/// What one run of the command left behind.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

impl Run {
    /// The one JSON object on stdout; fails unless stdout is exactly that.
    fn json(&self) -> Value {
        let lines: Vec<&str> = self.stdout.lines().collect();
        assert_eq!(lines.len(), 1, "stdout is not one line: {self:#?}");
        let value: Value = serde_json::from_str(lines[0])
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {self:#?}"));
        assert!(value.is_object(), "not an object: {self:#?}");
        value
    }

    /// Asserts that none of `secrets` shows anywhere in the output.
    fn assert_hides(&self, secrets: &[&str]) {
        for secret in secrets {
            assert!(
                !self.stdout.contains(secret) && !self.stderr.contains(secret),
                "`{secret}` shows in the output: {self:#?}"
            );
        }
        // Every token the sandbox issues but Project Thanos's contains `-token-`; those are
        // 40 hex digits.
        assert!(
            !self.stdout.contains("-token-") && !self.stderr.contains("-token-"),
            "a token shows in the output: {self:#?}"
        );
        assert!(
            !has_hex_run(&self.stdout, 40) && !has_hex_run(&self.stderr, 40),
            "a Project Thanos token shows in the output: {self:#?}"
        );
    }
}

fn has_hex_run(text: &str, length: usize) -> bool {
    let mut run = 0;
    for byte in text.bytes() {
        run = if byte.is_ascii_hexdigit() { run + 1 } else { 0 };
        if run >= length {
            return true;
        }
    }
    false
}

/// Runs the command with `args`, the environment's secrets replaced by `env`, and `stdin` as
/// its standard input (a pipe, so never a terminal).
async fn run(args: &[&str], env: &[(&str, &str)], stdin: &str) -> Run {
    let mut command = tokio::process::Command::new(BIN);
    command
        .args(args)
        .env_remove("LOGIN_PASSWORD")
        .env_remove("LOGIN_API_SECRET")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    for (name, value) in env {
        command.env(name, value);
    }
    let started = Instant::now();
    let mut child = command.spawn().expect("the binary starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    // The command may stop before reading (a usage error): a refused write is no failure.
    let _ = input.write_all(stdin.as_bytes()).await;
    drop(input);
    let output = tokio::time::timeout(HANG_GUARD, child.wait_with_output())
        .await
        .unwrap_or_else(|_| panic!("`vendor-login {}` hung", args.join(" ")))
        .expect("the binary runs");
    Run {
        code: output.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        elapsed: started.elapsed(),
    }
}

/// `args` with `--json`, then without, so both outputs are checked.
async fn run_both(args: &[&str], env: &[(&str, &str)], stdin: &str) -> (Run, Run) {
    let mut with_json = args.to_vec();
    with_json.push("--json");
    (
        run(&with_json, env, stdin).await,
        run(args, env, stdin).await,
    )
}

// --- logged in: exit 0 -----------------------------------------------------------------------

#[tokio::test]
async fn logs_in_to_every_vendor_and_prints_one_json_object() {
    let sandbox = Sandbox::start().await.unwrap();
    let organization = demo::ORGANIZATION_ID.to_string();
    let hypernative = sandbox.hypernative();
    let thanos = sandbox.project_thanos();
    let up2 = sandbox.up2_money();
    let hyper3d = sandbox.hyper3d();
    let talkstack = sandbox.talkstack();
    let cases: [(&str, Vec<&str>, String, bool); 5] = [
        (
            "Hypernative",
            vec![
                "hypernative",
                "--email",
                demo::EMAIL,
                "--organization-id",
                &organization,
                "--base-url",
                &hypernative,
            ],
            // The password from the environment...
            String::new(),
            true,
        ),
        (
            "Project Thanos",
            vec![
                "project-thanos",
                "--username",
                demo::USERNAME,
                "--base-url",
                &thanos,
            ],
            String::new(),
            false,
        ),
        (
            "Up2 Money",
            // ...or, for these two, from standard input, the API secret on the next line.
            vec!["--base-url", &up2, "up2-money", "--email", demo::EMAIL],
            format!("{}\n{}\n", demo::PASSWORD, demo::API_SECRET),
            false,
        ),
        (
            "Hyper3D",
            vec!["hyper3d", "--email", demo::EMAIL, "--base-url", &hyper3d],
            format!("{}\n", demo::PASSWORD),
            false,
        ),
        (
            "TalkStack AI",
            vec![
                "talkstack",
                "--email",
                demo::EMAIL,
                "--base-url",
                &talkstack,
            ],
            String::new(),
            true,
        ),
    ];
    for (vendor, args, stdin, has_refresh_token) in cases {
        let env: &[(&str, &str)] = if stdin.is_empty() {
            &[("LOGIN_PASSWORD", demo::PASSWORD)]
        } else {
            &[]
        };
        let (json_run, text_run) = run_both(&args, env, &stdin).await;
        for run in [&json_run, &text_run] {
            assert_eq!(run.code, 0, "{vendor}: {run:#?}");
            run.assert_hides(&[demo::PASSWORD, demo::API_SECRET]);
        }
        assert_eq!(json_run.stderr, "", "{vendor}: JSON output is stdout alone");
        let output = json_run.json();
        assert_eq!(output["ok"], true, "{vendor}");
        let session = &output["session"];
        assert_eq!(session["vendor"], vendor);
        assert_eq!(session["token"], "[REDACTED]");
        assert_eq!(session["token_shown"], false);
        assert!(session["token_length"].as_u64().unwrap() > 0, "{vendor}");
        assert_eq!(session["has_refresh_token"], has_refresh_token, "{vendor}");
        assert!(session["issued_at"].as_str().unwrap().ends_with('Z'));
        assert!(session["response"].is_object(), "{vendor}");

        assert!(
            text_run
                .stdout
                .contains(&format!("vendor:        {vendor}"))
        );
        assert!(text_run.stdout.contains("token:         [REDACTED]"));
        assert!(
            text_run
                .stderr
                .starts_with(&format!("Logging in to {vendor} at POST http://127.0.0.1:")),
            "{text_run:#?}"
        );
    }
    // Each vendor's own facts made it through.
    let talkstack_run = run(
        &[
            "talkstack",
            "--email",
            demo::EMAIL,
            "--base-url",
            &talkstack,
            "--json",
        ],
        &[("LOGIN_PASSWORD", demo::PASSWORD)],
        "",
    )
    .await;
    let session = &talkstack_run.json()["session"];
    assert!(session["expires_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(session["response"]["login_status"], 7);
    assert_eq!(session["response"]["user"]["email"], demo::EMAIL);
    let up2_run = run(
        &[
            "up2-money",
            "--email",
            demo::EMAIL,
            "--base-url",
            &up2,
            "--json",
        ],
        &[
            ("LOGIN_PASSWORD", demo::PASSWORD),
            ("LOGIN_API_SECRET", demo::API_SECRET),
        ],
        "",
    )
    .await;
    let session = &up2_run.json()["session"];
    assert_eq!(session["idle_timeout_seconds"], 300);
    assert_eq!(session["expires_at"], Value::Null);
    assert_eq!(session["response"]["identity"]["type"], "CONSUMER");
    assert_eq!(session["response"]["token_type"], "ACCESS");
    let thanos_run = run(
        &[
            "thanos",
            "--email",
            demo::USERNAME,
            "--base-url",
            &thanos,
            "--json",
        ],
        &[("LOGIN_PASSWORD", demo::PASSWORD)],
        "",
    )
    .await;
    assert_eq!(
        thanos_run.json()["session"]["response"]["org_type"],
        "RETAILER"
    );
    // Five vendors, each with and without --json, and three more.
    assert_eq!(sandbox.login_requests(), 13);
}

#[tokio::test]
async fn show_token_prints_the_access_token_but_never_the_refresh_token() {
    let sandbox = Sandbox::start().await.unwrap();
    let base = sandbox.talkstack();
    let env = [("LOGIN_PASSWORD", demo::PASSWORD)];
    let args = [
        "talkstack",
        "--email",
        demo::EMAIL,
        "--base-url",
        &base,
        "--show-token",
    ];
    let (json_run, text_run) = run_both(&args, &env, "").await;
    assert_eq!(json_run.code, 0, "{json_run:#?}");
    let session = &json_run.json()["session"];
    let token = session["token"].as_str().unwrap();
    assert!(token.starts_with("sandbox-talkstack-token-"), "{token}");
    assert_eq!(session["token_shown"], true);
    assert_eq!(session["token_length"], token.len());
    assert_eq!(text_run.code, 0, "{text_run:#?}");
    assert!(
        text_run
            .stdout
            .contains("token:         sandbox-talkstack-token-")
    );
    for run in [&json_run, &text_run] {
        assert!(!run.stdout.contains("refresh-token"), "{run:#?}");
        assert!(!run.stdout.contains(demo::PASSWORD), "{run:#?}");
    }

    // Project Thanos tokens are 40 hex digits: what `assert_hides` looks for.
    let base = sandbox.project_thanos();
    let shown = run(
        &[
            "project-thanos",
            "--username",
            demo::USERNAME,
            "--base-url",
            &base,
            "--show-token",
            "--json",
        ],
        &env,
        "",
    )
    .await;
    let token = shown.json()["session"]["token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(token.len(), 40);
    assert!(has_hex_run(&token, 40));
}

// --- refused by the vendor: exit 1 -----------------------------------------------------------

/// One refusal the sandbox gives, and what the JSON must say about it.
struct Refusal {
    what: &'static str,
    args: Vec<String>,
    password: &'static str,
    api_secret: Option<&'static str>,
    kind: &'static str,
    status: u64,
    vendor_code: Value,
    message: Option<&'static str>,
}

#[tokio::test]
async fn refused_logins_exit_1_with_the_vendors_own_words_and_no_secret() {
    let sandbox = Sandbox::start().await.unwrap();
    let args = |parts: &[&str], base: String| -> Vec<String> {
        let mut args: Vec<String> = parts.iter().map(|part| (*part).to_owned()).collect();
        args.extend(["--base-url".to_owned(), base]);
        args
    };
    let wrong_password = "pw-Wrong-Qx81zT4v";
    let wrong_api_secret = "sk-Wrong-Lm20pR7c";
    let refusals = vec![
        Refusal {
            what: "TalkStack AI, wrong password",
            args: args(&["talkstack", "--email", demo::EMAIL], sandbox.talkstack()),
            password: wrong_password,
            api_secret: None,
            kind: "InvalidCredentials",
            status: 401,
            vendor_code: Value::from(4),
            message: Some("invalid password"),
        },
        Refusal {
            what: "TalkStack AI, unknown e-mail",
            args: args(
                &["talkstack", "--email", "nobody@example.com"],
                sandbox.talkstack(),
            ),
            password: wrong_password,
            api_secret: None,
            kind: "InvalidCredentials",
            status: 404,
            vendor_code: Value::from(3),
            message: Some("user not found"),
        },
        Refusal {
            what: "TalkStack AI, a failure inside a 200",
            args: args(
                &["talkstack", "--email", demo::UNVERIFIED_EMAIL],
                sandbox.talkstack(),
            ),
            password: demo::PASSWORD,
            api_secret: None,
            kind: "Forbidden",
            status: 200,
            vendor_code: Value::from(2),
            message: Some("account not verified"),
        },
        Refusal {
            what: "Hypernative, no organization",
            args: args(
                &["hypernative", "--email", demo::EMAIL],
                sandbox.hypernative(),
            ),
            password: demo::PASSWORD,
            api_secret: None,
            kind: "InvalidRequest",
            status: 400,
            vendor_code: Value::from(1002),
            message: Some("organizationId is mandatory"),
        },
        Refusal {
            what: "Hypernative, wrong password",
            args: args(
                &[
                    "hypernative",
                    "--email",
                    demo::EMAIL,
                    "--organization-id",
                    "1",
                ],
                sandbox.hypernative(),
            ),
            password: wrong_password,
            api_secret: None,
            kind: "InvalidCredentials",
            status: 401,
            vendor_code: Value::from(1004),
            message: Some("invalid credentials"),
        },
        Refusal {
            what: "Project Thanos, restricted user",
            args: args(
                &["project-thanos", "--username", demo::RESTRICTED_USERNAME],
                sandbox.project_thanos(),
            ),
            password: demo::PASSWORD,
            api_secret: None,
            kind: "Forbidden",
            status: 403,
            vendor_code: Value::Null,
            message: None,
        },
        Refusal {
            what: "Up2 Money, wrong API secret",
            args: args(&["up2-money", "--email", demo::EMAIL], sandbox.up2_money()),
            password: demo::PASSWORD,
            api_secret: Some(wrong_api_secret),
            kind: "Forbidden",
            status: 403,
            vendor_code: Value::Null,
            message: Some("The authentication credentials are not found or are incorrect."),
        },
        Refusal {
            what: "Up2 Money, expired password token",
            args: args(&["up2-money", "--email", demo::EMAIL], sandbox.up2_money()),
            password: demo::EXPIRED_PASSWORD_TOKEN,
            api_secret: Some(demo::API_SECRET),
            kind: "Expired",
            status: 400,
            vendor_code: Value::from("TOKEN_EXPIRED"),
            message: Some("Login failed."),
        },
        Refusal {
            what: "Hyper3D, wrong password",
            args: args(&["hyper3d", "--email", demo::EMAIL], sandbox.hyper3d()),
            password: wrong_password,
            api_secret: None,
            kind: "Rejected",
            status: 200,
            vendor_code: Value::Null,
            message: Some("invalid email or password"),
        },
    ];
    for refusal in refusals {
        let what = refusal.what;
        let mut env = vec![("LOGIN_PASSWORD", refusal.password)];
        env.extend(
            refusal
                .api_secret
                .map(|secret| ("LOGIN_API_SECRET", secret)),
        );
        let args: Vec<&str> = refusal.args.iter().map(String::as_str).collect();
        let (json_run, text_run) = run_both(&args, &env, "").await;
        for run in [&json_run, &text_run] {
            assert_eq!(run.code, 1, "{what}: {run:#?}");
            run.assert_hides(&[refusal.password, demo::API_SECRET, wrong_api_secret]);
        }
        let error = &json_run.json()["error"];
        assert_eq!(json_run.json()["ok"], false);
        assert_eq!(error["kind"], refusal.kind, "{what}: {error}");
        assert_eq!(error["status"], refusal.status, "{what}: {error}");
        assert_eq!(error["vendor_code"], refusal.vendor_code, "{what}: {error}");
        assert_eq!(
            error["message"],
            refusal.message.map_or(Value::Null, Value::from),
            "{what}: {error}"
        );
        assert_eq!(error["retryable"], false, "{what}");
        assert!(error["field_errors"].as_array().unwrap().is_empty());
        assert!(
            text_run.stderr.contains("error: ") && text_run.stdout.is_empty(),
            "{what}: {text_run:#?}"
        );
    }
}

#[tokio::test]
async fn field_errors_and_the_lockout_wait_are_in_the_json() {
    let sandbox = Sandbox::start().await.unwrap();
    let base = sandbox.up2_money();
    let secrets = [
        ("LOGIN_PASSWORD", demo::PASSWORD),
        ("LOGIN_API_SECRET", demo::API_SECRET),
    ];
    // An empty e-mail: the vendor lists the field.
    let (json_run, text_run) = run_both(
        &["up2-money", "--email", "", "--base-url", &base],
        &secrets,
        "",
    )
    .await;
    for run in [&json_run, &text_run] {
        assert_eq!(run.code, 1, "{run:#?}");
        run.assert_hides(&[demo::PASSWORD, demo::API_SECRET]);
    }
    let error = &json_run.json()["error"];
    assert_eq!(error["kind"], "InvalidRequest");
    assert_eq!(
        error["field_errors"],
        serde_json::json!([{ "field": "email", "error": "REQUIRED", "params": [] }])
    );
    assert!(
        text_run.stderr.contains("field `email`: REQUIRED"),
        "{text_run:#?}"
    );

    // Three wrong passwords lock the e-mail for the documented 30 minutes.
    let wrong = "pw-Lockout-Vb62nW0e";
    let email = "locked@example.com";
    let wrong_env = [
        ("LOGIN_PASSWORD", wrong),
        ("LOGIN_API_SECRET", demo::API_SECRET),
    ];
    for _ in 0..3 {
        let refused = run(
            &["up2-money", "--email", email, "--base-url", &base],
            &wrong_env,
            "",
        )
        .await;
        assert_eq!(refused.code, 1, "{refused:#?}");
        refused.assert_hides(&[wrong, demo::API_SECRET]);
    }
    let (json_run, text_run) = run_both(
        &["up2-money", "--email", email, "--base-url", &base],
        &wrong_env,
        "",
    )
    .await;
    for run in [&json_run, &text_run] {
        assert_eq!(run.code, 1, "{run:#?}");
        run.assert_hides(&[wrong, demo::API_SECRET]);
    }
    let error = &json_run.json()["error"];
    assert_eq!(error["kind"], "Locked");
    assert_eq!(error["status"], 423);
    assert_eq!(error["retry_after_seconds"], 1800);
    assert!(
        text_run.stderr.contains("the vendor asks to wait 30m"),
        "{text_run:#?}"
    );
}

// --- bad usage: exit 2 -----------------------------------------------------------------------

#[tokio::test]
async fn bad_usage_exits_2_without_showing_a_secret() {
    let secret = "pw-OnTheCommandLine-8Gh2";
    let base = "http://127.0.0.1:9";
    for args in [
        vec!["talkstack"],
        vec!["talkstack", "--email"],
        vec!["no-such-vendor", "--email", "a@example.com"],
        vec![
            "talkstack",
            "--email",
            "a@example.com",
            "--organization-id",
            "1",
        ],
        vec![
            "hypernative",
            "--email",
            "a@example.com",
            "--organization-id",
            "first",
        ],
        vec!["talkstack", "--email", "a@example.com", "--timeout", "0"],
        vec!["talkstack", "--email", "a@example.com", "--timeout", "soon"],
        vec![
            "talkstack",
            "--email",
            "a@example.com",
            "--base-url",
            base,
            "--password",
            secret,
        ],
        vec![
            "talkstack",
            "--email",
            "a@example.com",
            "--base-url",
            base,
            &format!("--password={secret}"),
        ],
        vec![
            "up2-money",
            "--email",
            "a@example.com",
            "--base-url",
            base,
            "--api-secret",
            secret,
        ],
        vec!["--password", secret, "hyper3d", "--email", "a@example.com"],
    ] {
        let refused = run(&args, &[("LOGIN_PASSWORD", demo::PASSWORD)], "").await;
        assert_eq!(refused.code, 2, "{args:?}: {refused:#?}");
        assert!(refused.stdout.is_empty(), "{args:?}: {refused:#?}");
        assert!(
            refused.stderr.starts_with("error: "),
            "{args:?}: {refused:#?}"
        );
        refused.assert_hides(&[secret, demo::PASSWORD]);
    }
    let with_json = run(
        &[
            "talkstack",
            "--email",
            "a@example.com",
            "--password",
            secret,
            "--json",
        ],
        &[],
        "",
    )
    .await;
    assert_eq!(with_json.code, 2, "{with_json:#?}");
    assert_eq!(with_json.json()["error"]["kind"], "Usage");
    with_json.assert_hides(&[secret]);
}

#[tokio::test]
async fn no_password_is_bad_usage() {
    // Nothing in the environment, nothing on standard input.
    let (json_run, text_run) = run_both(
        &[
            "talkstack",
            "--email",
            "a@example.com",
            "--base-url",
            "http://127.0.0.1:9",
        ],
        &[],
        "",
    )
    .await;
    for run in [&json_run, &text_run] {
        assert_eq!(run.code, 2, "{run:#?}");
    }
    let error = &json_run.json()["error"];
    assert_eq!(error["kind"], "Usage");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("LOGIN_PASSWORD")
    );
    assert!(text_run.stderr.contains("no password"), "{text_run:#?}");

    // Up2 Money needs its API secret as well: a password alone is not enough.
    let missing = run(
        &["up2-money", "--email", "a@example.com", "--json"],
        &[],
        &format!("{}\n", demo::PASSWORD),
    )
    .await;
    assert_eq!(missing.code, 2, "{missing:#?}");
    assert!(
        missing.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("LOGIN_API_SECRET"),
        "{missing:#?}"
    );
    missing.assert_hides(&[demo::PASSWORD]);
    let empty = run(
        &["talkstack", "--email", "a@example.com"],
        &[("LOGIN_PASSWORD", "")],
        "",
    )
    .await;
    assert_eq!(empty.code, 2, "{empty:#?}");
    assert!(empty.stderr.contains("LOGIN_PASSWORD is set but empty"));
}

#[tokio::test]
async fn a_base_url_that_cannot_carry_a_login_is_bad_usage() {
    let url_secret = "pw-InTheUrl-Ty55cW1k";
    let ftp = format!("ftp://user:{url_secret}@127.0.0.1:21");
    let with_user_info = format!("https://user:{url_secret}@127.0.0.1:1");
    for (base, kind) in [
        ("http://example.com", "InsecureTransport"),
        ("not a url", "InvalidUrl"),
        (ftp.as_str(), "InvalidUrl"),
        (with_user_info.as_str(), "InvalidUrl"),
    ] {
        let (json_run, text_run) = run_both(
            &["talkstack", "--email", "a@example.com", "--base-url", base],
            &[("LOGIN_PASSWORD", demo::PASSWORD)],
            "",
        )
        .await;
        for run in [&json_run, &text_run] {
            assert_eq!(run.code, 2, "{base}: {run:#?}");
            run.assert_hides(&[demo::PASSWORD, url_secret]);
        }
        assert_eq!(json_run.json()["error"]["kind"], kind, "{base}");
    }
}

// --- the vendor could not be reached: exit 3 -------------------------------------------------

/// A server on 127.0.0.1 that accepts every connection, reads what arrives, and never
/// answers. Returns its address and the number of connections it accepted.
async fn silent_server() -> (SocketAddr, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let connections = Arc::new(AtomicUsize::new(0));
    let accepted = Arc::clone(&connections);
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            accepted.fetch_add(1, Ordering::SeqCst);
            tokio::spawn(async move {
                let mut sink = Vec::new();
                let _ = stream.read_to_end(&mut sink).await;
            });
        }
    });
    (address, connections)
}

#[tokio::test]
async fn a_server_that_never_answers_is_cut_off_at_the_deadline_with_retries_on() {
    let (address, connections) = silent_server().await;
    let base = format!("http://{address}");
    let password = "pw-Silent-Rr70aZ3m";
    let deadline = Duration::from_secs(1);
    let (json_run, text_run) = run_both(
        &[
            "talkstack",
            "--email",
            "a@example.com",
            "--base-url",
            &base,
            "--timeout",
            "1",
        ],
        &[("LOGIN_PASSWORD", password)],
        "",
    )
    .await;
    for run in [&json_run, &text_run] {
        assert_eq!(run.code, 3, "{run:#?}");
        assert!(
            run.elapsed >= deadline && run.elapsed < deadline + Duration::from_secs(1),
            "the process took {:?} with a 1 s deadline",
            run.elapsed
        );
        run.assert_hides(&[password]);
    }
    let error = &json_run.json()["error"];
    assert_eq!(error["kind"], "Timeout");
    assert_eq!(error["retryable"], true);
    assert_eq!(error["status"], Value::Null);
    let detail = error["detail"].as_str().unwrap();
    assert!(
        detail.starts_with("no complete response before the login's 1s deadline; 1 attempt, "),
        "{detail}"
    );
    assert!(text_run.stderr.contains("1s deadline"), "{text_run:#?}");
    // Retries were on, but the one attempt had the whole deadline.
    assert_eq!(connections.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn an_attempt_timeout_retries_within_the_deadline() {
    let (address, connections) = silent_server().await;
    let base = format!("http://{address}");
    let password = "pw-Attempts-Hd47sX9q";
    let run = run(
        &[
            "talkstack",
            "--email",
            "a@example.com",
            "--base-url",
            &base,
            "--timeout",
            "2.5",
            "--attempt-timeout",
            "0.3",
            "--json",
        ],
        &[("LOGIN_PASSWORD", password)],
        "",
    )
    .await;
    assert_eq!(run.code, 3, "{run:#?}");
    assert!(
        run.elapsed < Duration::from_millis(3500),
        "{:?}",
        run.elapsed
    );
    run.assert_hides(&[password]);
    let detail = run.json()["error"]["detail"].as_str().unwrap().to_owned();
    // 0.3 s, a backoff of 125–250 ms, 0.3 s, 250–500 ms, 0.3 s: three attempts fit in 2.5 s.
    assert_eq!(connections.load(Ordering::SeqCst), 3, "{detail}");
    assert!(
        detail.starts_with("no complete response within the 300ms attempt timeout; 3 attempts, "),
        "{detail}"
    );
}

#[tokio::test]
async fn connection_and_tls_failures_exit_3() {
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap()
    };
    let password = "pw-Transport-Jk28dF6u";
    let env = [("LOGIN_PASSWORD", password)];
    let refused_base = format!("http://{closed}");
    let (json_run, text_run) = run_both(
        &[
            "talkstack",
            "--email",
            "a@example.com",
            "--base-url",
            &refused_base,
            "--no-retry",
        ],
        &env,
        "",
    )
    .await;
    for run in [&json_run, &text_run] {
        assert_eq!(run.code, 3, "{run:#?}");
        run.assert_hides(&[password]);
    }
    assert_eq!(json_run.json()["error"]["kind"], "Connect");
    assert_eq!(json_run.json()["error"]["retryable"], true);

    // TLS to a server that speaks plain HTTP.
    let sandbox = Sandbox::start().await.unwrap();
    let tls_base = format!("https://{}/talkstack", sandbox.addr());
    let (json_run, text_run) = run_both(
        &["talkstack", "--email", demo::EMAIL, "--base-url", &tls_base],
        &[("LOGIN_PASSWORD", demo::PASSWORD)],
        "",
    )
    .await;
    for run in [&json_run, &text_run] {
        assert_eq!(run.code, 3, "{run:#?}");
        run.assert_hides(&[demo::PASSWORD]);
    }
    assert_eq!(json_run.json()["error"]["kind"], "Tls");
}

// --- an answer outside the protocol: exit 4 --------------------------------------------------

/// A server on 127.0.0.1 that answers every request with `response`, then closes.
async fn answering_server(response: &'static str) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut request = Vec::new();
                let mut buffer = [0u8; 4096];
                // Enough of the request to know it arrived; the answer does not depend on it.
                while !request.windows(4).any(|window| window == b"\r\n\r\n") {
                    match stream.read(&mut buffer).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => request.extend_from_slice(&buffer[..n]),
                    }
                }
                let _ = stream.write_all(response.as_bytes()).await;
            });
        }
    });
    address
}

#[tokio::test]
async fn answers_outside_the_protocol_exit_4() {
    let password = "pw-Unexpected-Ne93kP5b";
    for (response, kind) in [
        (
            "HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 15\r\nconnection: close\r\n\r\n<html>hi</html>",
            "Decode",
        ),
        (
            "HTTP/1.1 302 Found\r\nlocation: https://elsewhere.example/login?token=abc\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
            "Redirect",
        ),
    ] {
        let base = format!("http://{}", answering_server(response).await);
        let (json_run, text_run) = run_both(
            &["talkstack", "--email", "a@example.com", "--base-url", &base],
            &[("LOGIN_PASSWORD", password)],
            "",
        )
        .await;
        for run in [&json_run, &text_run] {
            assert_eq!(run.code, 4, "{kind}: {run:#?}");
            run.assert_hides(&[password, "token=abc"]);
        }
        assert_eq!(json_run.json()["error"]["kind"], kind);
    }
}

// --- help and completions --------------------------------------------------------------------

#[tokio::test]
async fn help_documents_the_vendors_the_secrets_and_the_exit_statuses() {
    let help = run(&["--help"], &[], "").await;
    assert_eq!(help.code, 0, "{help:#?}");
    for expected in [
        "hypernative",
        "project-thanos",
        "up2-money",
        "hyper3d",
        "talkstack",
        "completions",
        "--json",
        "--timeout",
        "--no-retry",
        "LOGIN_PASSWORD",
        "LOGIN_API_SECRET",
        "Exit status",
        "3  the vendor could not be reached",
    ] {
        assert!(
            help.stdout.contains(expected),
            "`{expected}` missing: {help:#?}"
        );
    }
    // The refusals exist only to explain themselves.
    assert!(!help.stdout.contains("--password"), "{help:#?}");
    let vendor_help = run(&["hypernative", "--help"], &[], "").await;
    assert_eq!(vendor_help.code, 0);
    assert!(vendor_help.stdout.contains("--organization-id"));
    let version = run(&["--version"], &[], "").await;
    assert_eq!(version.code, 0);
    assert!(version.stdout.starts_with("vendor-login "), "{version:#?}");
}

#[tokio::test]
async fn completions_are_generated_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef vendor-login"),
        ("fish", "complete -c vendor-login"),
        ("elvish", "vendor-login"),
        ("powershell", "vendor-login"),
    ] {
        let script = run(&["completions", shell], &[], "").await;
        assert_eq!(script.code, 0, "{shell}: {script:#?}");
        assert!(script.stdout.contains(marker), "{shell}: {script:#?}");
        assert!(script.stdout.contains("talkstack"), "{shell}");
    }
    let unknown = run(&["completions", "tcsh"], &[], "").await;
    assert_eq!(unknown.code, 2);
}

// --- a terminal: no echo ---------------------------------------------------------------------

#[cfg(target_os = "linux")]
mod terminal {
    //! The password typed at a real pseudo-terminal, which the command must not echo.

    use std::fs::File;
    use std::io::{Read, Write};
    use std::os::fd::{AsRawFd, FromRawFd};
    use std::os::unix::process::CommandExt;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    use vendors::sandbox::{Sandbox, demo};

    use super::{BIN, HANG_GUARD};

    /// A pseudo-terminal: the side a person types into, and the side the command reads.
    fn open_terminal() -> (File, File) {
        let (mut controller, mut terminal) = (0, 0);
        // SAFETY: openpty writes two descriptors into the integers given; the null pointers
        // ask for no name and default settings.
        let status = unsafe {
            libc::openpty(
                &mut controller,
                &mut terminal,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(status, 0, "openpty: {}", std::io::Error::last_os_error());
        // SAFETY: both descriptors were just opened and belong to nothing else.
        unsafe { (File::from_raw_fd(controller), File::from_raw_fd(terminal)) }
    }

    /// Everything the terminal has shown so far, read until `marker` appears. The terminal
    /// processes input on its own time, so the read polls rather than blocks.
    fn read_until(controller: &mut File, marker: &str) -> String {
        // SAFETY: fcntl on a descriptor `controller` owns; O_NONBLOCK only changes how reads wait.
        let status = unsafe {
            let flags = libc::fcntl(controller.as_raw_fd(), libc::F_GETFL);
            libc::fcntl(
                controller.as_raw_fd(),
                libc::F_SETFL,
                flags | libc::O_NONBLOCK,
            )
        };
        assert_eq!(status, 0, "fcntl: {}", std::io::Error::last_os_error());
        let started = Instant::now();
        let mut shown = Vec::new();
        let mut buffer = [0u8; 4096];
        while !String::from_utf8_lossy(&shown).contains(marker) {
            assert!(
                started.elapsed() < HANG_GUARD,
                "`{marker}` never showed: {:?}",
                String::from_utf8_lossy(&shown)
            );
            match controller.read(&mut buffer) {
                Ok(n) => shown.extend_from_slice(&buffer[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(e) => panic!("reading the terminal: {e}"),
            }
        }
        String::from_utf8_lossy(&shown).into_owned()
    }

    fn echoes(terminal: &File) -> bool {
        // SAFETY: a zeroed termios is a valid value to overwrite; tcgetattr fills it in.
        let mut settings: libc::termios = unsafe { std::mem::zeroed() };
        // SAFETY: the descriptor is an open terminal for as long as `terminal` lives.
        let status = unsafe { libc::tcgetattr(terminal.as_raw_fd(), &mut settings) };
        assert_eq!(status, 0, "tcgetattr: {}", std::io::Error::last_os_error());
        settings.c_lflag & libc::ECHO != 0
    }

    #[tokio::test]
    async fn a_password_typed_at_a_terminal_is_not_echoed() {
        let sandbox = Sandbox::start().await.unwrap();
        let base = sandbox.talkstack();
        tokio::task::spawn_blocking(move || type_the_password(&base))
            .await
            .unwrap();
        assert_eq!(sandbox.login_requests(), 1);
    }

    fn type_the_password(base: &str) {
        let (mut controller, terminal) = open_terminal();
        assert!(echoes(&terminal), "a new terminal echoes what is typed");
        let mut command = Command::new(BIN);
        command
            .args([
                "talkstack",
                "--email",
                demo::EMAIL,
                "--base-url",
                base,
                "--json",
            ])
            .env_remove("LOGIN_PASSWORD")
            .stdin(terminal.try_clone().unwrap())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        // SAFETY: only async-signal-safe calls, in the child between fork and exec: a session
        // of its own, with the terminal on its stdin as the controlling terminal, as a shell
        // gives it. That is what `/dev/tty` opens.
        unsafe {
            command.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().expect("the binary starts");

        // Type only once the prompt has turned echo off, as a person would after seeing it.
        let started = Instant::now();
        while echoes(&terminal) {
            assert!(started.elapsed() < HANG_GUARD, "echo was never turned off");
            std::thread::sleep(Duration::from_millis(5));
        }
        controller
            .write_all(format!("{}\n", demo::PASSWORD).as_bytes())
            .unwrap();
        let output = child.wait_with_output().unwrap();
        assert!(echoes(&terminal), "echo is restored afterwards");

        // What the terminal showed: the prompt and nothing typed. A control line typed now,
        // with echo back on, does show, so the capture would have caught an echoed password.
        controller.write_all(b"control-line\n").unwrap();
        let shown = read_until(&mut controller, "control-line");
        drop(terminal);
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{stdout}\n{stderr}\n{shown}");
        assert!(
            shown.contains(&format!("Password for {} at TalkStack AI: ", demo::EMAIL)),
            "{shown:?}"
        );
        assert!(shown.contains("control-line"), "{shown:?}");
        for text in [&*shown, &*stdout, &*stderr] {
            assert!(!text.contains(demo::PASSWORD), "echoed: {text:?}");
        }
        let session: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
        assert_eq!(session["ok"], true);
    }
}
