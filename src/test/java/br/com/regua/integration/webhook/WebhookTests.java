package br.com.regua.integration.webhook;

/** The webhook scenarios on the embedded H2 database. */
class WebhookTests extends WebhookScenarios {
}
