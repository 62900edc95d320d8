//! The command line, as clap parses it.

use std::time::Duration;

use clap::{Args, Parser, Subcommand};

const AFTER_HELP: &str = "\
Secrets are never read from the command line, where the process list and the shell's history
would keep them:
  password              LOGIN_PASSWORD, else typed at a prompt without echo when standard
                        input is a terminal, else the first line of standard input
  Up2 Money API secret  LOGIN_API_SECRET, else a prompt without echo, else the next line of
                        standard input (the x-secret header of your application)

Exit status:
  0  logged in
  1  the vendor refused the login: wrong credentials, locked, rate limited, a server error,
     or any other failure the vendor answered with
  2  bad usage: an argument clap refuses, no password, a base URL that cannot carry a login
  3  the vendor could not be reached: timeout, connection failure, TLS failure
  4  the vendor answered something its protocol does not allow: a body that is not what it
     documents, a body over the size cap, a redirect";

/// Logs in to a vendor and prints the session, with the token redacted.
///
/// Prints the session on stdout, as text or, with --json, as one JSON object; errors go to
/// stderr as text, or to stdout as one JSON object with --json.
#[derive(Debug, Parser)]
#[command(name = "vendor-login", version, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    #[command(flatten)]
    pub options: Options,
}

/// Options every vendor takes; they may come before or after the vendor's name.
#[derive(Debug, Args)]
pub struct Options {
    /// Log in here instead of at the vendor's documented base URL (an on-premises host,
    /// staging, a local test server); plain http:// only to loopback hosts
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,

    /// Give up after this many seconds in all, every attempt and every wait between them
    /// included [default: 30]
    #[arg(long, global = true, value_name = "SECONDS", value_parser = seconds)]
    pub timeout: Option<Duration>,

    /// Cut each attempt off after this many seconds, and retry while --timeout allows
    /// [default: no limit per attempt]
    #[arg(long, global = true, value_name = "SECONDS", value_parser = seconds)]
    pub attempt_timeout: Option<Duration>,

    /// Send the login once: no retry after a connection failure, a timeout, a 5xx or a rate
    /// limit
    #[arg(long, global = true)]
    pub no_retry: bool,

    /// Print exactly one JSON object on stdout: the session, or the error
    #[arg(long, global = true)]
    pub json: bool,

    /// Print the access token itself (the refresh token is never printed)
    #[arg(long, global = true)]
    pub show_token: bool,

    /// Refused: a password on the command line leaks into the process list and shell history.
    /// Only its presence is kept: the value is dropped as it is parsed.
    #[arg(long, global = true, hide = true, num_args = 0..=1, value_name = "SECRET", value_parser = discard)]
    pub password: Option<Option<()>>,

    /// Refused, as `--password` is.
    #[arg(long, global = true, hide = true, num_args = 0..=1, value_name = "SECRET", value_parser = discard)]
    pub api_secret: Option<Option<()>>,
}

/// The vendor to log in to, or a completion script.
#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(flatten)]
    Login(Vendor),
    /// Print a completion script for a shell, e.g. `vendor-login completions bash`
    Completions {
        /// The shell to complete in
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// A vendor, with the fields its login takes besides the secrets.
#[derive(Debug, Subcommand)]
pub enum Vendor {
    /// Hypernative: e-mail and password, and an organization for users in several
    Hypernative {
        /// The account's e-mail
        #[arg(long)]
        email: String,
        /// The organization to log in to; mandatory for users in several organizations
        #[arg(long, value_name = "ID")]
        organization_id: Option<u64>,
    },
    /// Project Thanos: username and password
    #[command(alias = "thanos", alias = "project_thanos")]
    ProjectThanos {
        /// The username of the Retailer or Supplier account
        #[arg(long, visible_alias = "email")]
        username: String,
    },
    /// Up2 Money: API secret, e-mail and tokenized password
    #[command(alias = "up2", alias = "up2_money")]
    Up2Money {
        /// The account's e-mail
        #[arg(long)]
        email: String,
    },
    /// Hyper3D (Deemos): e-mail and password; on premises with --base-url
    Hyper3d {
        /// The account's e-mail
        #[arg(long)]
        email: String,
    },
    /// TalkStack AI: e-mail and password
    #[command(alias = "talkstack-ai")]
    Talkstack {
        /// The account's e-mail
        #[arg(long)]
        email: String,
    },
}

/// Keeps nothing of a value that must not be kept.
fn discard(_: &str) -> Result<(), String> {
    Ok(())
}

/// A positive number of seconds, fractions allowed (`0.5`, `30`).
fn seconds(text: &str) -> Result<Duration, String> {
    let seconds: f64 = text
        .trim()
        .parse()
        .map_err(|_| "expected a number of seconds, such as 30 or 2.5".to_owned())?;
    if seconds.is_nan() || seconds <= 0.0 {
        return Err("expected more than 0 seconds".to_owned());
    }
    Duration::try_from_secs_f64(seconds).map_err(|_| "too many seconds".to_owned())
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn seconds_take_fractions_and_refuse_nonsense() {
        assert_eq!(seconds("30"), Ok(Duration::from_secs(30)));
        assert_eq!(seconds("0.5"), Ok(Duration::from_millis(500)));
        for bad in ["0", "-1", "NaN", "inf", "soon", ""] {
            assert!(seconds(bad).is_err(), "{bad}");
        }
    }
}
