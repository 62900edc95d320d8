//! End to end over loopback: logins per second and latency percentiles, generated vs
//! hand-written, against one local server answering each vendor's sample body.
//!
//! Each side uses one client (one connection pool) for all its logins. Short rounds alternate
//! between the two sides, so that drift in the machine's load hits both alike; the ratio is the
//! median of the per-round ratios (robust to a round that another process disturbed), shown
//! with their interquartile range, next to the throughput over all rounds.
//!
//! `cargo bench -p vendors --bench loopback [-- [--secs S] [--rounds R] [vendor...]]`
//!
//! `cargo bench -p vendors --bench loopback -- --instructions [vendor...]` counts instructions
//! per login instead, under valgrind, which the machine's load does not move (see `instructions`).

#[path = "support/handwritten.rs"]
mod handwritten;
#[path = "support/samples.rs"]
mod samples;
#[path = "support/server.rs"]
mod server;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use auth_core::{LoginClient, Secret};
use samples::{API_SECRET, EMAIL, ORGANIZATION_ID, PASSWORD, Vendor};

/// One way of logging in, called over and over.
trait Side: Send + Sync + 'static {
    /// Logs in once; `true` when a session with a token came back.
    fn login(&self, base_url: &str) -> impl Future<Output = bool> + Send;
}

struct Generated<L> {
    client: LoginClient,
    login: L,
}

struct Handwritten<L> {
    client: reqwest::Client,
    login: L,
}

macro_rules! sides {
    ($($generated:ty, $handwritten:ty;)*) => {$(
        impl Side for Generated<$generated> {
            async fn login(&self, base_url: &str) -> bool {
                match self.login.send_to(&self.client, base_url).await {
                    Ok(session) => !session.token().is_empty(),
                    Err(_) => false,
                }
            }
        }

        impl Side for Handwritten<$handwritten> {
            async fn login(&self, base_url: &str) -> bool {
                match self.login.login(&self.client, base_url).await {
                    Ok(session) => !session.token.is_empty(),
                    Err(_) => false,
                }
            }
        }
    )*};
}

sides! {
    vendors::hypernative::Login, handwritten::hypernative::Login;
    vendors::project_thanos::Login, handwritten::project_thanos::Login;
    vendors::up2_money::Login, handwritten::up2_money::Login;
    vendors::hyper3d::Login, handwritten::hyper3d::Login;
    vendors::talkstack::Login, handwritten::talkstack::Login;
}

/// What one side did in one round.
#[derive(Default)]
struct Run {
    logins: usize,
    failures: usize,
    elapsed: Duration,
    latencies_ns: Vec<u64>,
}

impl Run {
    fn absorb(&mut self, other: Run) {
        self.logins += other.logins;
        self.failures += other.failures;
        self.latencies_ns.extend(other.latencies_ns);
    }

    fn per_second(&self) -> f64 {
        self.logins as f64 / self.elapsed.as_secs_f64()
    }

    fn percentile_us(&mut self, p: f64) -> f64 {
        self.latencies_ns.sort_unstable();
        let index = ((self.latencies_ns.len() as f64 - 1.0) * p).round() as usize;
        self.latencies_ns.get(index).copied().unwrap_or(0) as f64 / 1000.0
    }
}

/// Logs in from `tasks` concurrent tasks until `duration` has passed.
async fn run<S: Side>(side: &Arc<S>, base_url: &Arc<str>, tasks: usize, duration: Duration) -> Run {
    let started = Instant::now();
    let deadline = started + duration;
    let handles: Vec<_> = (0..tasks)
        .map(|_| {
            let side = Arc::clone(side);
            let base_url = Arc::clone(base_url);
            tokio::spawn(async move {
                let mut run = Run::default();
                while Instant::now() < deadline {
                    let at = Instant::now();
                    let ok = side.login(&base_url).await;
                    run.latencies_ns.push(at.elapsed().as_nanos() as u64);
                    run.logins += 1;
                    run.failures += usize::from(!ok);
                }
                run
            })
        })
        .collect();
    let mut total = Run::default();
    for handle in handles {
        total.absorb(handle.await.expect("a login task does not panic"));
    }
    total.elapsed = started.elapsed();
    total
}

/// The `q` quantile of sorted values, interpolating between neighbours.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let position = (sorted.len() - 1) as f64 * q;
    let (low, high) = (position.floor() as usize, position.ceil() as usize);
    sorted[low] + (sorted[high] - sorted[low]) * (position - low as f64)
}

struct Options {
    secs: f64,
    rounds: usize,
    /// Count instructions per login instead of timing logins.
    instructions: bool,
    vendors: Vec<Vendor>,
}

fn options() -> Options {
    let mut options = Options {
        secs: 0.5,
        rounds: 10,
        instructions: false,
        vendors: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            // Passed by `cargo bench` to every bench binary.
            "--bench" => {}
            "--instructions" => options.instructions = true,
            "--secs" => {
                options.secs = args
                    .next()
                    .and_then(|s| s.parse().ok())
                    .expect("--secs takes a number")
            }
            "--rounds" => {
                options.rounds = args
                    .next()
                    .and_then(|s| s.parse().ok())
                    .expect("--rounds takes a number")
            }
            name => options.vendors.extend(
                Vendor::ALL
                    .into_iter()
                    .filter(|vendor| vendor.name().contains(name)),
            ),
        }
    }
    if options.vendors.is_empty() {
        options.vendors = Vendor::ALL.to_vec();
    }
    options
}

async fn compare<G: Side, H: Side>(
    vendor: Vendor,
    addr: SocketAddr,
    generated: G,
    handwritten: H,
    options: &Options,
) {
    let base_url: Arc<str> = server::base_url(addr, vendor).into();
    let (generated, handwritten) = (Arc::new(generated), Arc::new(handwritten));
    assert!(
        generated.login(&base_url).await,
        "{}: the generated login fails",
        vendor.name()
    );
    assert!(
        handwritten.login(&base_url).await,
        "{}: the hand-written login fails",
        vendor.name()
    );
    let round = Duration::from_secs_f64(options.secs);
    for tasks in [1, 64] {
        // Warm both pools up to `tasks` connections before measuring.
        run(&generated, &base_url, tasks, round / 4).await;
        run(&handwritten, &base_url, tasks, round / 4).await;
        let (mut g, mut h) = (Run::default(), Run::default());
        let mut ratios = Vec::with_capacity(options.rounds);
        for i in 0..options.rounds {
            // Alternate which side goes first, so neither always follows the other.
            let (gr, hr) = if i % 2 == 0 {
                let gr = run(&generated, &base_url, tasks, round).await;
                (gr, run(&handwritten, &base_url, tasks, round).await)
            } else {
                let hr = run(&handwritten, &base_url, tasks, round).await;
                (run(&generated, &base_url, tasks, round).await, hr)
            };
            ratios.push(gr.per_second() / hr.per_second());
            g.elapsed += gr.elapsed;
            h.elapsed += hr.elapsed;
            g.absorb(gr);
            h.absorb(hr);
        }
        assert_eq!(
            g.failures + h.failures,
            0,
            "{}: logins failed",
            vendor.name()
        );
        ratios.sort_by(f64::total_cmp);
        println!(
            "| {} | {} | {:.0} | {:.0} | **{:.3}** ({:.3}–{:.3}) | {:.0} / {:.0} | {:.0} / {:.0} |",
            vendor.name(),
            if tasks == 1 {
                "sequential"
            } else {
                "64 concurrent"
            },
            g.per_second(),
            h.per_second(),
            quantile(&ratios, 0.5),
            quantile(&ratios, 0.25),
            quantile(&ratios, 0.75),
            g.percentile_us(0.5),
            h.percentile_us(0.5),
            g.percentile_us(0.99),
            h.percentile_us(0.99),
        );
    }
}

/// Evaluates `$body` with `$generated` and `$handwritten` bound to the two sides of `$vendor`'s
/// login, each with its own client.
macro_rules! with_sides {
    ($vendor:expr, $gclient:expr, $hclient:expr, |$generated:ident, $handwritten:ident| $body:expr) => {
        match $vendor {
            Vendor::Hypernative => {
                let $generated = Generated {
                    client: $gclient,
                    login: vendors::hypernative::Login::builder()
                        .email(EMAIL)
                        .password(PASSWORD)
                        .organization_id(ORGANIZATION_ID)
                        .build(),
                };
                let $handwritten = Handwritten {
                    client: $hclient,
                    login: handwritten::hypernative::Login {
                        email: EMAIL.into(),
                        password: Secret::from(PASSWORD),
                        organization_id: Some(ORGANIZATION_ID),
                    },
                };
                $body
            }
            Vendor::ProjectThanos => {
                let $generated = Generated {
                    client: $gclient,
                    login: vendors::project_thanos::Login::builder()
                        .username(EMAIL)
                        .password(PASSWORD)
                        .build(),
                };
                let $handwritten = Handwritten {
                    client: $hclient,
                    login: handwritten::project_thanos::Login {
                        username: EMAIL.into(),
                        password: Secret::from(PASSWORD),
                    },
                };
                $body
            }
            Vendor::Up2Money => {
                let $generated = Generated {
                    client: $gclient,
                    login: vendors::up2_money::Login::builder()
                        .api_secret(API_SECRET)
                        .email(EMAIL)
                        .password(PASSWORD)
                        .build(),
                };
                let $handwritten = Handwritten {
                    client: $hclient,
                    login: handwritten::up2_money::Login {
                        api_secret: Secret::from(API_SECRET),
                        email: EMAIL.into(),
                        password: Secret::from(PASSWORD),
                    },
                };
                $body
            }
            Vendor::Hyper3d => {
                let $generated = Generated {
                    client: $gclient,
                    login: vendors::hyper3d::Login::builder()
                        .email(EMAIL)
                        .password(PASSWORD)
                        .build(),
                };
                let $handwritten = Handwritten {
                    client: $hclient,
                    login: handwritten::hyper3d::Login {
                        email: EMAIL.into(),
                        password: Secret::from(PASSWORD),
                    },
                };
                $body
            }
            Vendor::TalkStack => {
                let $generated = Generated {
                    client: $gclient,
                    login: vendors::talkstack::Login::builder()
                        .email(EMAIL)
                        .password(PASSWORD)
                        .build(),
                };
                let $handwritten = Handwritten {
                    client: $hclient,
                    login: handwritten::talkstack::Login {
                        email: EMAIL.into(),
                        password: Secret::from(PASSWORD),
                    },
                };
                $body
            }
        }
    };
}

/// `--repeat <generated|handwritten> <vendor> <n> [--tasks <k>]`: n logins of one side and
/// nothing else. Without `--tasks`, sequential on one thread, for counting instructions per
/// login under valgrind; with it, shared among k tasks spawned on tokio's multi-thread runtime,
/// as the throughput runs are, for timing one side alone (`hyperfine`, `perf stat`; see
/// BENCHMARKS.md).
fn repeat(side: &str, vendor: &str, times: usize, tasks: Option<usize>) {
    let vendor = Vendor::ALL
        .into_iter()
        .find(|v| v.name() == vendor)
        .unwrap_or_else(|| panic!("no vendor {vendor:?}"));
    let runtime = match tasks {
        Some(_) => tokio::runtime::Builder::new_multi_thread(),
        None => tokio::runtime::Builder::new_current_thread(),
    }
    .enable_all()
    .build()
    .expect("a tokio runtime");
    runtime.block_on(async {
        let addr = server::serve(
            server::bind(16).expect("bind 127.0.0.1"),
            server::samples_router(),
        );
        let base_url = server::base_url(addr, vendor);
        let client = LoginClient::new().expect("a login client");
        with_sides!(
            vendor,
            client,
            handwritten::client(),
            |generated, handwritten| {
                let ok = match tasks {
                    None => repeat_logins(side, &generated, &handwritten, &base_url, times).await,
                    Some(tasks) => {
                        let shared = Arc::new((side.to_owned(), generated, handwritten, base_url));
                        let handles: Vec<_> = (0..tasks)
                            .map(|task| {
                                let shared = Arc::clone(&shared);
                                // The first tasks take the remainder, one login each.
                                let logins = times / tasks + usize::from(task < times % tasks);
                                tokio::spawn(async move {
                                    let (side, generated, handwritten, base_url) = &*shared;
                                    repeat_logins(side, generated, handwritten, base_url, logins)
                                        .await
                                })
                            })
                            .collect();
                        let mut ok = 0;
                        for handle in handles {
                            ok += handle.await.expect("a login task does not panic");
                        }
                        ok
                    }
                };
                assert_eq!(ok, times, "every login succeeds");
            }
        );
    });
}

/// `times` sequential logins of `side`; how many succeeded.
async fn repeat_logins<G: Side, H: Side>(
    side: &str,
    generated: &G,
    handwritten: &H,
    base_url: &str,
    times: usize,
) -> usize {
    let mut ok = 0;
    for _ in 0..times {
        ok += usize::from(match side {
            "generated" => generated.login(base_url).await,
            "handwritten" => handwritten.login(base_url).await,
            other => panic!("no side {other:?}"),
        });
    }
    ok
}

/// Instructions of one `--repeat` run of this binary under valgrind's cachegrind.
fn instructions_of(side: &str, vendor: Vendor, logins: usize) -> u64 {
    let binary = std::env::current_exe().expect("the bench binary's path");
    let run = std::process::Command::new("valgrind")
        .args([
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
        ])
        .arg(binary)
        .args(["--repeat", side, vendor.name(), &logins.to_string()])
        .output()
        .unwrap_or_else(|e| {
            panic!("valgrind could not be run ({e}); install it to count instructions")
        });
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "valgrind failed: {stderr}");
    stderr
        .lines()
        .find_map(|line| {
            // `==<pid>== I   refs:      123,456`
            let (label, count) = line.split_once("refs:")?;
            label.trim_end().ends_with(" I").then_some(())?;
            count.trim().replace(',', "").parse().ok()
        })
        .unwrap_or_else(|| panic!("no instruction count in valgrind's output: {stderr}"))
}

/// `--instructions`: instructions per login of each side, from two `--repeat` runs under
/// cachegrind with different numbers of logins, so that start-up (runtime, server, client,
/// first connection) cancels out. Client and server run on one thread in one process, so the
/// server's share is counted on both sides alike.
fn instructions(vendors: &[Vendor]) {
    const FEW: usize = 500;
    const MANY: usize = 2500;
    println!(
        "instructions per login: (count of {MANY} logins − count of {FEW}) / {}\n",
        MANY - FEW
    );
    println!("| vendor | generated | hand-written | ratio |");
    println!("|---|---:|---:|---:|");
    for &vendor in vendors {
        let per_login = |side| {
            let (few, many) = (
                instructions_of(side, vendor, FEW),
                instructions_of(side, vendor, MANY),
            );
            many.saturating_sub(few) as f64 / (MANY - FEW) as f64
        };
        let (generated, handwritten) = (per_login("generated"), per_login("handwritten"));
        println!(
            "| {} | {generated:.0} | {handwritten:.0} | **{:.3}** |",
            vendor.name(),
            generated / handwritten
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|arg| arg == "--repeat") {
        let times = args[at + 3].parse().expect("--repeat <side> <vendor> <n>");
        let tasks = args.iter().position(|arg| arg == "--tasks").map(|at| {
            args.get(at + 1)
                .and_then(|k| k.parse().ok())
                .filter(|&k: &usize| k > 0)
                .expect("--tasks takes a number of tasks above 0")
        });
        repeat(&args[at + 1], &args[at + 2], times, tasks);
        return;
    }
    let options = options();
    if options.instructions {
        instructions(&options.vendors);
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(async {
        let listener = server::bind(1024).expect("bind 127.0.0.1");
        let addr = server::serve(listener, server::samples_router());
        let generated_client = LoginClient::new().expect("a login client");
        let handwritten_client = handwritten::client();
        println!(
            "{} rounds of {} s per side and mode; ratio = median of per-round generated / hand-written throughput (interquartile range); latencies in µs\n",
            options.rounds, options.secs
        );
        println!(
            "| vendor | mode | generated logins/s | hand-written logins/s | ratio | p50 gen / hand | p99 gen / hand |"
        );
        println!("|---|---|---:|---:|---:|---:|---:|");
        for &vendor in &options.vendors {
            let (g, h) = (generated_client.clone(), handwritten_client.clone());
            with_sides!(vendor, g, h, |generated, handwritten| {
                compare(vendor, addr, generated, handwritten, &options).await
            });
        }
    });
}
