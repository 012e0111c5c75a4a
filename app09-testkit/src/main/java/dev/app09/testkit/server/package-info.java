/**
 * A fake Microsoft Graph over real HTTP: {@link dev.app09.testkit.server.FakeGraphServer} serves a
 * tenant with Graph's paging, {@code $select}, {@code $expand}, error bodies and write semantics,
 * delta queries on applications and service principals ({@code /delta}, {@code delta()}, {@code
 * microsoft.graph.delta()}), renders each page on demand, lets tests change, delete and add
 * objects by id, injects {@link dev.app09.testkit.server.Fault}s and records every request in a
 * {@link dev.app09.testkit.server.RequestJournal}. {@link
 * dev.app09.testkit.server.FakeTokenEndpoint} is a fake Entra token endpoint over HTTPS that
 * authenticates the applications of that tenant by their certificates.
 */
@NullMarked
package dev.app09.testkit.server;

import org.jspecify.annotations.NullMarked;
