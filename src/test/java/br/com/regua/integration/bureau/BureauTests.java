package br.com.regua.integration.bureau;

/** The credit bureau scenarios on the embedded H2 database. */
class BureauTests extends BureauScenarios {
}
