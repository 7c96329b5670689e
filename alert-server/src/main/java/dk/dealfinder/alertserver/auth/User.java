package dk.dealfinder.alertserver.auth;

/** Someone who signs in to the dashboard or calls the API. */
public record User(String id, String name) {}
