//! Reading the password and the API secret: from the environment, a prompt that does not echo,
//! or standard input; never from the command line.

use std::io::{BufRead, IsTerminal};

use auth_core::Secret;

/// The environment variable that holds the password.
pub const PASSWORD_VARIABLE: &str = "LOGIN_PASSWORD";
/// The environment variable that holds Up2 Money's API secret.
pub const API_SECRET_VARIABLE: &str = "LOGIN_API_SECRET";

/// Where secrets come from, in order: their environment variable, else a prompt without echo
/// when standard input is a terminal, else one line of standard input each.
pub struct SecretSource {
    interactive: bool,
}

impl SecretSource {
    /// Looks at standard input once, so every secret is read the same way.
    pub fn new() -> SecretSource {
        SecretSource {
            interactive: std::io::stdin().is_terminal(),
        }
    }

    /// The value of `variable`, or else the secret typed at `prompt` or the next line of
    /// standard input. An empty value counts as none. The error says what to do, never what was
    /// read.
    pub fn read(&self, variable: &str, what: &str, prompt: &str) -> Result<Secret, String> {
        if let Some(value) = std::env::var_os(variable) {
            let value = value
                .into_string()
                .map_err(|_| format!("{variable} is not valid UTF-8"))?;
            if value.is_empty() {
                return Err(format!("{variable} is set but empty"));
            }
            return Ok(Secret::from(value));
        }
        let secret = if self.interactive {
            // rpassword turns the terminal's echo off while the secret is typed.
            let typed = rpassword::prompt_password(prompt)
                .map_err(|e| format!("could not read the {what} from the terminal: {e}"))?;
            Secret::from(typed)
        } else {
            // Room for any real secret up front, so the line is not copied while it grows.
            let mut line = String::with_capacity(1024);
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .map_err(|e| format!("could not read the {what} from standard input: {e}"))?;
            // Only the line ending is removed: spaces can be part of a password.
            let content = line.trim_end_matches(['\n', '\r']).len();
            line.truncate(content);
            Secret::from(line)
        };
        if secret.is_empty() {
            return Err(format!(
                "no {what}: set {variable}, or type it when asked, or write it as a line on standard input"
            ));
        }
        Ok(secret)
    }
}
