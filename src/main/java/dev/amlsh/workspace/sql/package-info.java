/**
 * The workspace store, once for both databases: {@link dev.amlsh.workspace.sql.SqlWorkspaceStore}
 * (the contract's SQL, row mapping, transactions, and the rules: password masking, draft guards,
 * validation, labels moving, creation times in milliseconds), the listing queries
 * ({@link dev.amlsh.workspace.sql.SummaryQueries}: one summary query per workspace, drafts
 * compared by stored digest) and schema 4's digest step ({@link dev.amlsh.workspace.sql.DigestMigration}).
 * The dialects, {@code sqlite} and {@code postgres}, open, lock, migrate and translate errors.
 *
 * <p>Domain package: no Spring, JLine or shell imports.
 */
package dev.amlsh.workspace.sql;
