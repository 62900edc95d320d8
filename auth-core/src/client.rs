//! [`LoginClient`]: HTTP with safe defaults, shared by every endpoint.

use std::borrow::Cow;
use std::error::Error as StdError;
use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use arc_swap::ArcSwap;
use bytes::Bytes;
use reqwest::header::{HeaderMap, LOCATION, RETRY_AFTER};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use url::Url;

use crate::credentials::Captured;
use crate::endpoint::{BodyFormat, EndpointSpec, LoginRequest, Method};
use crate::error::{AuthError, ErrorKind};
use crate::request::{LoginUrl, PreparedRequest, request_headers};
use crate::retry::{AttemptLimit, Budget, RetryPolicy, TransportFailure, Verdict};

const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
const DEFAULT_MAX_RESPONSE_BYTES: usize = 1024 * 1024;

/// Sends login requests. Cheap to clone: clones share one connection pool, and the login URLs
/// already resolved (a repeated login to the same base URL parses no URL).
///
/// The defaults are the safe ones, each overridable through [`LoginClient::builder`]:
///
/// | default | why |
/// |---|---|
/// | TLS through rustls and ring with the Mozilla root store compiled in ([`TrustedRoots`]); no system OpenSSL, no process-wide crypto provider | same behaviour on every machine; building a client never panics |
/// | plain `http://` only to loopback hosts | a password never crosses a network in clear text |
/// | redirects are never followed; a 3xx is an [`ErrorKind::Redirect`] error | a login body and its secret headers never reach another origin |
/// | 30 s for the whole login: every attempt, body included, and every wait between attempts; no limit per attempt beyond that; 10 s to connect | a stalled or dripping server cannot hold a caller longer than the caller chose, retries included |
/// | response bodies capped at 1 MiB | a huge or endless body is an error, not unbounded memory |
/// | proxy variables from the environment are ignored | credentials go where the endpoint says, not where `HTTP_PROXY` says |
/// | a login that failed for a passing reason is sent again, at most 3 times in all and only while the 30 s last: connect failures, 429/503 after their `Retry-After` (up to 30 s), 500/502/504 and attempt timeouts after a jittered backoff; see [`RetryPolicy`] | a blip or a short rate limit does not fail a login, and a wrong password (401) or a lock (423) is never repeated |
///
/// The 30 s deadline is what the AWS SDKs call the *operation timeout*;
/// [`attempt_timeout`](LoginClientBuilder::attempt_timeout) is their *attempt timeout*. A wait
/// for a retry that would end at or past the deadline is not waited out: the login ends at once
/// with the answer that asked for it (a `RateLimited` error keeps its
/// [`retry_after`](AuthError::retry_after)). A login cut off by the deadline is an
/// [`ErrorKind::Timeout`] error whose [`detail`](AuthError::detail) says how many attempts were
/// made and how long they took in all.
///
/// ```
/// use std::time::Duration;
///
/// let client = auth_core::LoginClient::builder()
///     .timeout(Duration::from_secs(10))
///     .attempt_timeout(Duration::from_secs(4))
///     .max_response_bytes(64 * 1024)
///     .build()?;
/// # Ok::<(), auth_core::AuthError>(())
/// ```
#[derive(Clone)]
pub struct LoginClient {
    http: reqwest::Client,
    config: Arc<ClientConfig>,
}

struct ClientConfig {
    /// The login URLs of constant paths already resolved, newest first, shared by clones.
    resolved_urls: ArcSwap<Vec<Arc<ResolvedUrl>>>,
    max_response_bytes: usize,
    allow_plain_http: bool,
    connect_timeout: Duration,
    timeout: Duration,
    attempt_timeout: Option<Duration>,
    retry: RetryPolicy,
}

/// How many resolved login URLs a client keeps: one per endpoint and base URL an application
/// logs in to, for all but the largest.
const RESOLVED_URLS_KEPT: usize = 8;

/// A base URL and constant path, and the checked URL they make.
struct ResolvedUrl {
    base_url: Box<str>,
    path: &'static str,
    url: Url,
}

impl LoginClient {
    /// A client with the safe defaults.
    ///
    /// Fails only if the TLS backend cannot be initialised.
    pub fn new() -> Result<LoginClient, AuthError> {
        LoginClient::builder().build()
    }

    /// A builder to change the defaults.
    pub fn builder() -> LoginClientBuilder {
        LoginClientBuilder::default()
    }

    /// The reqwest client the logins are sent with, for the app's own calls to the vendor's
    /// API: the same TLS setup (rustls with ring, the chosen roots), no redirects followed and
    /// no proxy from the environment unless asked for, and the same connection pool. The
    /// login's deadline, retries and body cap are not part of it.
    ///
    /// Not following redirects matters when a token travels in a header of the vendor's own
    /// ([`TokenPresentation::header`](crate::TokenPresentation::header)): reqwest drops
    /// `Authorization` and `Cookie` on a redirect to another host, but no other header.
    pub fn http_client(&self) -> reqwest::Client {
        self.http.clone()
    }

    /// The largest response body this client reads, in bytes.
    pub fn max_response_bytes(&self) -> usize {
        self.config.max_response_bytes
    }

    /// Writes what every attempt of `request` sends: its checked URL, the first attempt's
    /// headers and the body. Not part of [`exchange`](Self::exchange)'s future, so that none of
    /// its temporaries is kept in that future's state.
    pub(crate) fn prepare_login(
        &self,
        spec: &'static EndpointSpec,
        base_url: &str,
        request: &dyn LoginRequest,
    ) -> Result<PreparedLogin, AuthError> {
        if spec.plain_json() {
            let (body, headers) = crate::request::plain_json_request(spec, request)?;
            let url = self.resolved_login_url(spec, base_url, spec.path())?;
            return Ok(PreparedLogin {
                url: LoginUrl::new(url, Cow::Borrowed(spec.path()), Vec::new()),
                headers: Some(headers),
                body: crate::secret::wiped_on_drop(body),
            });
        }
        let mut prepared = PreparedRequest::default();
        crate::request::prepare_into(spec, request, &mut prepared)?;
        let url = match &prepared.path {
            Cow::Borrowed(path) => self.resolved_login_url(spec, base_url, path)?,
            // A filled-in path may carry a secret value, so it is never kept.
            Cow::Owned(path) => self.login_url(spec, base_url, path)?,
        };
        let PreparedRequest {
            headers,
            body,
            query,
            shown_path,
            ..
        } = prepared;
        Ok(PreparedLogin {
            url: LoginUrl::new(url, shown_path, query),
            headers: Some(headers),
            // One buffer shared by every attempt: a retry does not copy the credentials it
            // holds, and they are zeroized once the last attempt is done with them.
            body: crate::secret::wiped_on_drop(body),
        })
    }

    /// Sends a prepared login and reads its response, without interpreting the status, sending
    /// it again as the client's [`RetryPolicy`] says. The answer returned is the first one the
    /// policy does not retry, the last one when the attempts are spent, or the one whose wait
    /// before a retry would pass the deadline.
    ///
    /// `login` is borrowed from the caller's state, not moved into this future's, where it
    /// would be stored twice (as the argument and as the local it is taken apart into).
    pub(crate) async fn exchange(
        &self,
        spec: &'static EndpointSpec,
        login: &mut PreparedLogin,
        request: &dyn LoginRequest,
    ) -> Result<RawResponse, AuthError> {
        let vendor = spec.vendor();
        let PreparedLogin { url, headers, body } = login;
        let policy = &self.config.retry;
        let budget = Budget::start(self.config.timeout, self.config.attempt_timeout);
        let mut attempt = 1;
        loop {
            // The login's span, when there is one, says which attempt is under way.
            tracing::Span::current().record("attempt", attempt);
            let attempt_headers = match headers.take() {
                Some(headers) => headers,
                None => request_headers(spec, request)?,
            };
            let limit = budget.for_attempt();
            let sent = self.send_attempt(spec, url, attempt_headers, body.clone());
            let outcome = self.exchange_once(spec, sent, limit).await;
            let verdict = match &outcome {
                Ok(raw) => policy.on_status(raw.status, raw.retry_after, attempt),
                Err((failure, _)) => policy.on_transport(*failure, attempt),
            };
            let wait = match verdict {
                Verdict::RetryAfter(wait) if budget.allows_wait(wait) => wait,
                Verdict::RetryAfter(wait) => {
                    tracing::debug!(
                        vendor,
                        attempt,
                        wait_ms = wait.as_millis() as u64,
                        "login not sent again: the wait would pass the deadline"
                    );
                    return outcome
                        .map_err(|(_, error)| budget.summarize_unretried(error, attempt, wait));
                }
                Verdict::Done => {
                    return outcome.map_err(|(_, error)| budget.summarize(error, attempt));
                }
            };
            match &outcome {
                Ok(raw) => tracing::debug!(
                    vendor,
                    attempt,
                    status = raw.status,
                    wait_ms = wait.as_millis() as u64,
                    "login will be sent again"
                ),
                Err((_, error)) => tracing::debug!(
                    vendor,
                    attempt,
                    error = %error.kind(),
                    wait_ms = wait.as_millis() as u64,
                    "login will be sent again"
                ),
            }
            // Drop the failed answer before waiting, not after.
            drop(outcome);
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    /// Sends one attempt: the request is assembled here rather than in
    /// [`exchange_once`](Self::exchange_once), so that its future keeps only reqwest's.
    fn send_attempt(
        &self,
        spec: &'static EndpointSpec,
        url: &LoginUrl,
        headers: HeaderMap,
        body: Bytes,
    ) -> impl std::future::Future<Output = Result<reqwest::Response, reqwest::Error>> + use<> {
        let method = match spec.method() {
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Patch => reqwest::Method::PATCH,
            Method::Get => reqwest::Method::GET,
        };
        // Only the shown URL is logged: it has the secret query and path values redacted.
        tracing::debug!(vendor = spec.vendor(), method = spec.method().as_str(), url = %url.shown(), "sending login request");
        // The request is assembled whole and its header map moved in: a `RequestBuilder`
        // would insert the headers one by one into a map of its own.
        let mut request = reqwest::Request::new(method, url.url.clone());
        *request.headers_mut() = headers;
        if !(spec.body_format() == BodyFormat::None && spec.method() == Method::Get) {
            *request.body_mut() = Some(body.into());
        }
        self.http.execute(request)
    }

    /// Awaits one attempt (`sent`, from [`send_attempt`](Self::send_attempt)) and reads its
    /// response, all before `limit`. A failure says whether it is worth retrying.
    async fn exchange_once(
        &self,
        spec: &'static EndpointSpec,
        sent: impl std::future::Future<Output = Result<reqwest::Response, reqwest::Error>>,
        limit: Option<AttemptLimit>,
    ) -> Result<RawResponse, (TransportFailure, AuthError)> {
        let vendor = spec.vendor();
        let started = Instant::now();
        let mut request = std::pin::pin!(sent);
        // The attempt's limit is kept on tokio's clock, around the answer and then its body,
        // with one timer for both: registering a second one costs as much again.
        let deadline = limit.map(|limit| tokio::time::sleep_until(limit.ends_at));
        let mut deadline = std::pin::pin!(deadline);
        let sent = match limit {
            Some(limit) => match before(deadline.as_mut(), request.as_mut()).await {
                Some(sent) => sent,
                None => return Err(limit.expired(vendor)),
            },
            None => request.await,
        };
        let mut response = sent.map_err(|e| {
            (
                transport_failure(&e),
                transport_error(vendor, e, self.config.connect_timeout),
            )
        })?;

        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|value| parse_retry_after(value.as_bytes(), SystemTime::now()));
        if response.status().is_redirection() {
            let target = response
                .headers()
                .get(LOCATION)
                .and_then(|value| value.to_str().ok())
                .and_then(|location| response.url().join(location).ok())
                .map_or_else(|| "an unstated location".to_owned(), |url| origin_of(&url));
            tracing::debug!(
                vendor,
                status,
                "login answered with a redirect; not followed"
            );
            return Err((
                TransportFailure::Other,
                AuthError::new(ErrorKind::Redirect, vendor)
                    .with_status(status)
                    .with_detail(format!(
                        "the server redirected the login to {target}; a login is never resent to another location"
                    )),
            ));
        }

        // The declared headers and cookies, straight into secrets, before the body is read.
        let captured = Captured::take(spec.response(), response.headers_mut());

        let cap = self.config.max_response_bytes;
        if let Some(length) = response.content_length()
            && length > cap as u64
        {
            return Err((TransportFailure::Other, too_large(vendor, status, cap)));
        }
        let read_error = |e: reqwest::Error| {
            (
                transport_failure(&e),
                transport_error(vendor, e, self.config.connect_timeout).with_status(status),
            )
        };
        let expired = |limit: AttemptLimit| {
            let (failure, error) = limit.expired(vendor);
            (failure, error.with_status(status))
        };
        // The body is awaited against the same instant as the answer, on tokio's clock, so a
        // body dripped a byte at a time cannot stretch it. It is read a chunk at a time, whether
        // or not its length is stated: `Response::bytes` would keep a future of over 500 bytes
        // (and the response again inside it) in this one's state.
        //
        // A body that arrives as one chunk, as a short one nearly always does, is kept as that
        // chunk, without a copy; only a body of several chunks is joined.
        let mut whole: Option<Bytes> = None;
        let mut joined: Vec<u8> = Vec::new();
        loop {
            let mut next = std::pin::pin!(response.chunk());
            let chunk = match limit {
                Some(limit) => before(deadline.as_mut(), next.as_mut())
                    .await
                    .ok_or_else(|| expired(limit))?,
                None => next.await,
            };
            let Some(chunk) = chunk.map_err(read_error)? else {
                break;
            };
            let so_far = whole.as_ref().map_or(joined.len(), Bytes::len);
            if so_far + chunk.len() > cap {
                return Err((TransportFailure::Other, too_large(vendor, status, cap)));
            }
            if whole.is_none() && joined.is_empty() {
                whole = Some(chunk);
                continue;
            }
            if let Some(first) = whole.take() {
                joined.reserve(first.len() + chunk.len());
                joined.extend_from_slice(&first);
            }
            joined.extend_from_slice(&chunk);
        }
        let bytes = whole.unwrap_or_else(|| Bytes::from(joined));
        tracing::debug!(
            vendor,
            status,
            elapsed_ms = started.elapsed().as_millis() as u64,
            body_bytes = bytes.len(),
            "login response received"
        );
        Ok(RawResponse {
            status,
            retry_after,
            body: bytes,
            captured,
        })
    }

    /// [`login_url`](Self::login_url) for a constant path, from the URLs this client has
    /// already resolved when it has this one: parsing a URL (host, IDNA and path checks) is
    /// the largest part of preparing a login, and its result depends only on the base URL, the
    /// path and the client's settings.
    fn resolved_login_url(
        &self,
        spec: &EndpointSpec,
        base_url: &str,
        path: &'static str,
    ) -> Result<Url, AuthError> {
        let resolved = &self.config.resolved_urls;
        if let Some(url) = resolved
            .load()
            .iter()
            .find(|entry| entry.path == path && *entry.base_url == *base_url)
            .map(|entry| entry.url.clone())
        {
            return Ok(url);
        }
        let url = self.login_url(spec, base_url, path)?;
        let entry = Arc::new(ResolvedUrl {
            base_url: base_url.into(),
            path,
            url: url.clone(),
        });
        resolved.rcu(|entries| {
            // The newest first; the oldest goes once there are as many as are kept.
            std::iter::once(Arc::clone(&entry))
                .chain(
                    entries
                        .iter()
                        .filter(|old| !(old.path == path && *old.base_url == *base_url))
                        .take(RESOLVED_URLS_KEPT - 1)
                        .cloned(),
                )
                .collect::<Vec<_>>()
        });
        Ok(url)
    }

    /// The base URL, checked, with `path` (already filled in and encoded) appended.
    fn login_url(&self, spec: &EndpointSpec, base_url: &str, path: &str) -> Result<Url, AuthError> {
        let vendor = spec.vendor();
        // Quoted with any user info taken out, even when the URL does not parse.
        let shown = without_user_info(base_url);
        let invalid = |why: String| AuthError::new(ErrorKind::InvalidUrl, vendor).with_detail(why);
        // The base is checked on its own first: joined naively, `https://` + `/user/login`
        // would parse as a request to a host named `user`.
        let base = Url::parse(base_url)
            .map_err(|e| invalid(format!("`{shown}` is not an absolute URL: {e}")))?;
        // Before anything quotes the URL: user info is credentials, and must not be shown.
        if !base.username().is_empty() || base.password().is_some() {
            return Err(invalid(
                "the base URL carries user info; credentials belong in the request, not the URL"
                    .to_owned(),
            ));
        }
        if base.host_str().is_none_or(str::is_empty) {
            return Err(invalid(format!("`{shown}` has no host")));
        }
        if base.query().is_some() || base.fragment().is_some() {
            return Err(invalid(format!(
                "`{}` has a query or fragment; a base URL is scheme, host, port and path",
                origin_of(&base)
            )));
        }
        // Appending the path to the parsed base costs one URL parse per login, not two. The
        // macro rejects `?` and `#` in paths, and path values are percent-encoded; `set_path`
        // encodes them should a spec carry one.
        let mut url = base;
        let path = format!("{}{}", url.path().trim_end_matches('/'), path);
        url.set_path(&path);
        match url.scheme() {
            "https" => {}
            "http" if self.config.allow_plain_http || is_loopback(&url) => {}
            "http" => {
                return Err(AuthError::new(ErrorKind::InsecureTransport, vendor).with_detail(format!(
                    "`{}` is plain http to a host that is not loopback; use https, or allow it with `LoginClientBuilder::allow_plain_http(true)`",
                    origin_of(&url)
                )));
            }
            other => {
                return Err(
                    AuthError::new(ErrorKind::InvalidUrl, vendor).with_detail(format!(
                        "`{shown}` has scheme `{other}`; a login URL is http or https"
                    )),
                );
            }
        }
        Ok(url)
    }
}

/// A URL as written, for errors and `Debug`: with what stands before an `@` in its authority
/// (user info, which is credentials) replaced by `[REDACTED]`, whether or not it parses.
pub(crate) fn without_user_info(url: &str) -> Cow<'_, str> {
    let authority_start = url.find("://").map_or(0, |scheme_end| scheme_end + 3);
    let rest = &url[authority_start..];
    let authority_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_len].rfind('@') {
        Some(at) => Cow::Owned(format!(
            "{}[REDACTED]{}",
            &url[..authority_start],
            &rest[at..]
        )),
        None => Cow::Borrowed(url),
    }
}

impl fmt::Debug for LoginClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LoginClient")
            .field("max_response_bytes", &self.config.max_response_bytes)
            .field("allow_plain_http", &self.config.allow_plain_http)
            .field("connect_timeout", &self.config.connect_timeout)
            .field("timeout", &self.config.timeout)
            .field("attempt_timeout", &self.config.attempt_timeout)
            .field("retry", &self.config.retry)
            .finish_non_exhaustive()
    }
}

/// Changes [`LoginClient`]'s defaults.
#[must_use]
pub struct LoginClientBuilder {
    connect_timeout: Duration,
    timeout: Duration,
    attempt_timeout: Option<Duration>,
    max_response_bytes: usize,
    allow_plain_http: bool,
    use_env_proxy: bool,
    trusted_roots: TrustedRoots,
    root_certificates: Vec<CertificateDer<'static>>,
    user_agent: String,
    retry: RetryPolicy,
}

impl Default for LoginClientBuilder {
    fn default() -> Self {
        LoginClientBuilder {
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            attempt_timeout: None,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            allow_plain_http: false,
            use_env_proxy: false,
            trusted_roots: TrustedRoots::default(),
            root_certificates: Vec::new(),
            user_agent: concat!("auth-core/", env!("CARGO_PKG_VERSION")).to_owned(),
            retry: RetryPolicy::default(),
        }
    }
}

impl LoginClientBuilder {
    /// How long to wait for a connection (default 10 s), within the
    /// [`timeout`](Self::timeout). A connection that is not made in time counts as not sent,
    /// and is retried.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How long one login may take in all (default 30 s): every attempt, from connecting to the
    /// last byte of the body, and every backoff and `Retry-After` wait between attempts. When it
    /// passes, the login ends with an [`ErrorKind::Timeout`] error whose
    /// [`detail`](AuthError::detail) says how many attempts were made and how long they took.
    /// A retry whose wait would end at or past it is not waited for: the login ends at once
    /// with the answer that asked for the wait.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How long one attempt may take, from connecting to the last byte of the body (default:
    /// no limit of its own, only what is left of the [`timeout`](Self::timeout)). An attempt
    /// cut off by it is retried as a timeout after sending, if the [`RetryPolicy`] and the
    /// time left allow; set it below the `timeout` so that a server that stalls once does not
    /// use up the whole login.
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// // Up to three attempts of at most 5 s each, all within 20 s.
    /// let client = auth_core::LoginClient::builder()
    ///     .timeout(Duration::from_secs(20))
    ///     .attempt_timeout(Duration::from_secs(5))
    ///     .build()?;
    /// # Ok::<(), auth_core::AuthError>(())
    /// ```
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = Some(timeout);
        self
    }

    /// The largest response body to read, in bytes (default 1 MiB). A larger body is an
    /// [`ErrorKind::BodyTooLarge`] error, detected from `Content-Length` before reading, or
    /// while reading when the length is not stated.
    pub fn max_response_bytes(mut self, bytes: usize) -> Self {
        self.max_response_bytes = bytes;
        self
    }

    /// Allows plain `http://` to hosts that are not loopback (default: refused with
    /// [`ErrorKind::InsecureTransport`]). Credentials then cross the network unencrypted.
    pub fn allow_plain_http(mut self, allow: bool) -> Self {
        self.allow_plain_http = allow;
        self
    }

    /// Routes requests through the proxy named by `HTTP_PROXY`/`HTTPS_PROXY`/`ALL_PROXY`
    /// (default: the environment is ignored).
    pub fn use_env_proxy(mut self, use_proxy: bool) -> Self {
        self.use_env_proxy = use_proxy;
        self
    }

    /// Which root certificates verify a server (default [`TrustedRoots::Mozilla`]: the Mozilla
    /// root store compiled into this library, the same on every machine).
    pub fn trusted_roots(mut self, roots: TrustedRoots) -> Self {
        self.trusted_roots = roots;
        self
    }

    /// Trusts one more root certificate, given in PEM, in addition to the
    /// [`trusted_roots`](Self::trusted_roots) (an on-premises host with a private CA, a test
    /// server). A bundle of several certificates adds them all.
    pub fn add_root_certificate_pem(mut self, pem: &[u8]) -> Result<Self, AuthError> {
        // Parsed here, so a bad certificate is reported where it was given.
        let mut certificates = Vec::new();
        for certificate in CertificateDer::pem_slice_iter(pem) {
            let certificate = certificate.map_err(|e| {
                AuthError::new(ErrorKind::Tls, "LoginClient")
                    .with_detail(format!("the root certificate is not valid PEM: {e}"))
            })?;
            certificates.push(certificate);
        }
        if certificates.is_empty() {
            return Err(AuthError::new(ErrorKind::Tls, "LoginClient")
                .with_detail("the root certificate PEM holds no certificate"));
        }
        self.root_certificates.extend(certificates);
        Ok(self)
    }

    /// The `User-Agent` header (default `auth-core/<version>`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// Which failed logins are sent again, and after what wait (default
    /// [`RetryPolicy::default`]: up to 3 attempts; [`RetryPolicy::disabled`] sends each login
    /// once).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Builds a client for synchronous code, with these settings.
    #[cfg(feature = "blocking")]
    pub fn build_blocking(self) -> Result<crate::blocking::LoginClient, AuthError> {
        crate::blocking::LoginClient::from_async(self.build()?)
    }

    /// Builds the client.
    ///
    /// Fails with [`ErrorKind::Tls`] when the TLS setup cannot be made (an added root that is
    /// not a usable CA certificate, [`TrustedRoots::Platform`] without a readable store, or
    /// [`TrustedRoots::OnlyAdded`] without an added root). Never panics: the crypto provider is
    /// chosen here, not read from a process-wide default.
    pub fn build(self) -> Result<LoginClient, AuthError> {
        let tls = tls_config(self.trusted_roots, self.root_certificates)?;
        let mut builder = reqwest::Client::builder()
            .tls_backend_preconfigured(tls)
            // The login's deadline and attempt timeout are kept on tokio's clock in `exchange`,
            // around the whole exchange; reqwest only bounds the connection.
            .connect_timeout(self.connect_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(self.user_agent);
        if !self.use_env_proxy {
            builder = builder.no_proxy();
        }
        let http = builder.build().map_err(|e| {
            AuthError::new(ErrorKind::Tls, "LoginClient")
                .with_detail("the HTTP client could not be initialised")
                .with_source(e)
        })?;
        Ok(LoginClient {
            http,
            config: Arc::new(ClientConfig {
                resolved_urls: ArcSwap::default(),
                max_response_bytes: self.max_response_bytes,
                allow_plain_http: self.allow_plain_http,
                connect_timeout: self.connect_timeout,
                timeout: self.timeout,
                attempt_timeout: self.attempt_timeout,
                retry: self.retry,
            }),
        })
    }
}

/// The root certificates a [`LoginClient`] trusts, besides those added with
/// [`LoginClientBuilder::add_root_certificate_pem`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum TrustedRoots {
    /// The Mozilla root store as compiled into this library (`webpki-roots`): the same on every
    /// machine, whatever its configuration. The default.
    #[default]
    Mozilla,
    /// The operating system's store, through `rustls-platform-verifier`: for hosts whose
    /// private CA the machine's administrators install system-wide.
    Platform,
    /// Only the roots added with [`LoginClientBuilder::add_root_certificate_pem`]: an
    /// on-premises host pinned to its own CA, trusted for nothing else.
    OnlyAdded,
}

/// The rustls setup: ring as the crypto provider, given to this client alone (a library must
/// not install a process-wide default), and the chosen roots.
fn tls_config(
    roots: TrustedRoots,
    added: Vec<CertificateDer<'static>>,
) -> Result<rustls::ClientConfig, AuthError> {
    let tls_error =
        |detail: String| AuthError::new(ErrorKind::Tls, "LoginClient").with_detail(detail);
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()
        .map_err(|e| tls_error(format!("TLS could not be set up: {e}")))?;
    let mut config = match roots {
        TrustedRoots::Platform => {
            let verifier = rustls_platform_verifier::Verifier::new_with_extra_roots(
                added, provider,
            )
            .map_err(|e| tls_error(format!("the system's root store could not be read: {e}")))?;
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(verifier))
                .with_no_client_auth()
        }
        TrustedRoots::Mozilla | TrustedRoots::OnlyAdded => {
            let mut store = rustls::RootCertStore::empty();
            if roots == TrustedRoots::Mozilla {
                store.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
            } else if added.is_empty() {
                return Err(tls_error(
                    "`TrustedRoots::OnlyAdded` needs a root added with `add_root_certificate_pem`"
                        .to_owned(),
                ));
            }
            for certificate in added {
                store.add(certificate).map_err(|e| {
                    tls_error(format!(
                        "an added root certificate cannot serve as a root: {e}"
                    ))
                })?;
            }
            builder.with_root_certificates(store).with_no_client_auth()
        }
    };
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(config)
}

impl fmt::Debug for LoginClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LoginClientBuilder")
            .field("connect_timeout", &self.connect_timeout)
            .field("timeout", &self.timeout)
            .field("attempt_timeout", &self.attempt_timeout)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("allow_plain_http", &self.allow_plain_http)
            .field("use_env_proxy", &self.use_env_proxy)
            .field("trusted_roots", &self.trusted_roots)
            .field("root_certificates", &self.root_certificates.len())
            .field("retry", &self.retry)
            .finish()
    }
}

/// A login as every attempt sends it, from [`LoginClient::prepare_login`].
pub(crate) struct PreparedLogin {
    url: LoginUrl,
    /// The first attempt's headers; a retry writes them again rather than copy them on every
    /// login.
    headers: Option<HeaderMap>,
    body: Bytes,
}

/// A response as read off the wire, before its status is interpreted.
pub(crate) struct RawResponse {
    pub(crate) status: u16,
    pub(crate) retry_after: Option<Duration>,
    pub(crate) body: Bytes,
    /// The headers and cookies the endpoint declares as sources of its credentials.
    pub(crate) captured: Captured,
}

/// The headers of one attempt: `Content-Type`, the declared constant headers, then the headers
/// taken from fields (secret ones marked sensitive, so the HTTP stack never logs them).
fn too_large(vendor: &'static str, status: u16, cap: usize) -> AuthError {
    AuthError::new(ErrorKind::BodyTooLarge, vendor)
        .with_status(status)
        .with_detail(format!(
            "the response body is larger than the client's cap of {cap} bytes"
        ))
}

fn transport_error(
    vendor: &'static str,
    error: reqwest::Error,
    connect_timeout: Duration,
) -> AuthError {
    // The deadline and attempt timeout are applied around the exchange; a timeout reported by
    // reqwest itself is the connect timeout.
    let (kind, detail) = if error.is_timeout() && error.is_connect() {
        (
            ErrorKind::Timeout,
            format!("could not connect within the {connect_timeout:?} connect timeout"),
        )
    } else if error.is_timeout() {
        (
            ErrorKind::Timeout,
            "no complete response in time".to_owned(),
        )
    } else if is_tls_error(&error) {
        (ErrorKind::Tls, "the TLS handshake failed".to_owned())
    } else if error.is_connect() {
        (ErrorKind::Connect, "could not connect".to_owned())
    } else if error.is_body() || error.is_decode() {
        (
            ErrorKind::Connect,
            "the connection broke before the whole response arrived".to_owned(),
        )
    } else {
        (
            ErrorKind::Connect,
            "the exchange failed before a response arrived".to_owned(),
        )
    };
    AuthError::new(kind, vendor)
        .with_detail(detail)
        .with_source(error.without_url())
}

/// Whether a failed exchange may be retried: a connection that was never made carried no
/// request; a timeout may have, and is retried as the server's failure; anything else (TLS, a
/// body cut short) is not a passing condition worth a second credential send.
fn transport_failure(error: &reqwest::Error) -> TransportFailure {
    if error.is_connect() && !is_tls_error(error) {
        TransportFailure::NotSent
    } else if error.is_timeout() {
        TransportFailure::TimedOut
    } else {
        TransportFailure::Other
    }
}

fn is_tls_error(error: &(dyn StdError + 'static)) -> bool {
    let mut current = Some(error);
    while let Some(e) = current {
        if e.is::<rustls::Error>() {
            return true;
        }
        // `io::Error::source` skips the error it wraps (and the connector nests one io::Error
        // in another), so step into it explicitly.
        current = match e.downcast_ref::<std::io::Error>() {
            Some(io) => io.get_ref().map(|inner| inner as &(dyn StdError + 'static)),
            None => e.source(),
        };
    }
    false
}

pub(crate) fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        Some(url::Host::Domain(domain)) => {
            domain.eq_ignore_ascii_case("localhost")
                || domain.to_ascii_lowercase().ends_with(".localhost")
        }
        None => false,
    }
}

/// `scheme://host:port` of a URL: enough to say where something pointed without showing a path
/// or query that might carry a token.
fn origin_of(url: &Url) -> String {
    url.origin().ascii_serialization()
}

/// Parses `Retry-After` in both its forms: delay-seconds and an HTTP-date.
pub(crate) fn parse_retry_after(value: &[u8], now: SystemTime) -> Option<Duration> {
    let text = std::str::from_utf8(value).ok()?.trim();
    if let Ok(seconds) = text.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(text).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

/// `future`'s output, or `None` once `deadline` has passed (never, without one). Polls the
/// future first, as `tokio::time::timeout` does, so an answer ready at the deadline is kept.
///
/// Both are borrowed, pinned where the caller keeps them: a future taken by value would be
/// stored twice in the caller's state (as the argument and as the pinned local), and a
/// response body's read is over 500 bytes.
fn before<'a, F: std::future::Future + ?Sized>(
    mut deadline: std::pin::Pin<&'a mut Option<tokio::time::Sleep>>,
    mut future: std::pin::Pin<&'a mut F>,
) -> impl std::future::Future<Output = Option<F::Output>> + 'a {
    std::future::poll_fn(move |cx| {
        if let std::task::Poll::Ready(output) = future.as_mut().poll(cx) {
            return std::task::Poll::Ready(Some(output));
        }
        match deadline.as_mut().as_pin_mut().map(|sleep| sleep.poll(cx)) {
            Some(std::task::Poll::Ready(())) => std::task::Poll::Ready(None),
            _ => std::task::Poll::Pending,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_in_seconds_and_as_a_date() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        assert_eq!(parse_retry_after(b"2", now), Some(Duration::from_secs(2)));
        assert_eq!(
            parse_retry_after(b" 86400 ", now),
            Some(Duration::from_secs(86_400))
        );
        let later = httpdate::fmt_http_date(now + Duration::from_secs(90));
        assert_eq!(
            parse_retry_after(later.as_bytes(), now),
            Some(Duration::from_secs(90))
        );
        let earlier = httpdate::fmt_http_date(now - Duration::from_secs(90));
        assert_eq!(
            parse_retry_after(earlier.as_bytes(), now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after(b"soon", now), None);
    }

    #[test]
    fn tls_errors_are_found_inside_nested_io_errors() {
        use std::io;
        let tls = || rustls::Error::General("handshake".into());
        let nested = io::Error::other(io::Error::new(io::ErrorKind::InvalidData, tls()));
        assert!(is_tls_error(&nested));
        assert!(is_tls_error(&io::Error::new(
            io::ErrorKind::InvalidData,
            tls()
        )));
        assert!(!is_tls_error(&io::Error::other(io::Error::from(
            io::ErrorKind::ConnectionRefused
        ))));
    }

    #[test]
    fn user_info_is_never_shown() {
        for (url, shown) in [
            (
                "https://admin:BaseUrlPw77@exa mple.com/x",
                "https://[REDACTED]@exa mple.com/x",
            ),
            ("http://admin:pw@[::1", "http://[REDACTED]@[::1"),
            (
                "https://a:b@c@example.com",
                "https://[REDACTED]@example.com",
            ),
            ("https://example.com/a@b", "https://example.com/a@b"),
            ("admin:pw@example.com", "[REDACTED]@example.com"),
        ] {
            assert_eq!(without_user_info(url), shown, "{url}");
        }
    }

    #[test]
    fn loopback_hosts() {
        for url in [
            "http://127.0.0.1:1/",
            "http://127.8.9.1/",
            "http://[::1]:8/",
            "http://localhost/",
            "http://a.localhost/",
        ] {
            assert!(is_loopback(&Url::parse(url).unwrap()), "{url}");
        }
        for url in [
            "http://10.0.0.1/",
            "http://example.com/",
            "http://localhost.example.com/",
        ] {
            assert!(!is_loopback(&Url::parse(url).unwrap()), "{url}");
        }
    }
}
