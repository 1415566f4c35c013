//! `copycat notify test`: one test message to every configured Discord / Slack destination,
//! each result reported, so an operator knows the channel works before the first real alert.

use crate::CliError;
use copycat_core::config::Config;
use copycat_notify::{DISCORD_URL_ENV, Router, SLACK_URL_ENV, Timing};

/// `copycat notify …`
#[derive(clap::Subcommand)]
pub enum NotifyCommand {
    /// Send one test message to every configured destination and report each result.
    Test,
}

/// Runs a `notify` subcommand.
pub async fn run(config: &Config, command: NotifyCommand) -> Result<(), CliError> {
    match command {
        NotifyCommand::Test => send_test(config, &|k| std::env::var(k).ok()).await,
    }
}

async fn send_test(config: &Config, env: &dyn Fn(&str) -> Option<String>) -> Result<(), CliError> {
    let router = Router::from_config(&config.notifications, env, Timing::real())?;
    if router.is_empty() {
        return Err(CliError::Usage(format!(
            "no notification destination is configured: set {DISCORD_URL_ENV} or {SLACK_URL_ENV}, \
             or add [[notifications.discord]] / [[notifications.slack]] with url_env to the config"
        )));
    }
    let results = router.send_test().await;
    let failed = results.iter().filter(|(_, _, r)| r.is_err()).count();
    for (name, platform, result) in &results {
        match result {
            Ok(()) => println!("{platform} `{name}`: ok"),
            Err(e) => println!("{platform} `{name}`: FAILED: {e}"),
        }
    }
    if failed > 0 {
        return Err(CliError::Incomplete(format!("{failed} of {} destinations did not take the test message", results.len())));
    }
    Ok(())
}
