package br.com.regua.integration.agency;

/** The collection agency scenarios on the embedded H2 database. */
class AgencyTests extends AgencyScenarios {
}
