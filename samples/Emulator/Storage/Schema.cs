namespace ContractFirst.Emulator.Storage;

/// <summary>
/// One table per resource kind: the owner (<c>tenant</c> plus the API's namespace id), the resource id, the columns that
/// are queried or constrained, and the resource itself as the API's JSON (<c>document</c>).
/// </summary>
internal static class Schema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS clickhouse_services (
            tenant          TEXT NOT NULL,
            organization_id TEXT NOT NULL,
            id              TEXT NOT NULL,
            state           TEXT NOT NULL,
            state_since     INTEGER NOT NULL, -- unix ms of the last state change
            password_hash   TEXT NOT NULL,
            document        TEXT NOT NULL,
            PRIMARY KEY (tenant, organization_id, id)
        );

        CREATE TABLE IF NOT EXISTS clickhouse_backups (
            seq             INTEGER PRIMARY KEY AUTOINCREMENT,
            tenant          TEXT NOT NULL,
            organization_id TEXT NOT NULL,
            service_id      TEXT NOT NULL,
            id              TEXT NOT NULL,
            document        TEXT NOT NULL,
            UNIQUE (tenant, organization_id, id)
        );
        CREATE INDEX IF NOT EXISTS clickhouse_backups_by_service ON clickhouse_backups (tenant, organization_id, service_id);

        CREATE TABLE IF NOT EXISTS miget_services (
            tenant    TEXT NOT NULL,
            workspace TEXT NOT NULL,
            id        TEXT NOT NULL,
            document  TEXT NOT NULL,
            PRIMARY KEY (tenant, workspace, id)
        );

        CREATE TABLE IF NOT EXISTS miget_addons (
            tenant    TEXT NOT NULL,
            workspace TEXT NOT NULL,
            app_uuid  TEXT NOT NULL,
            id        TEXT NOT NULL,
            name      TEXT NOT NULL,
            document  TEXT NOT NULL,
            PRIMARY KEY (tenant, workspace, app_uuid, id),
            UNIQUE (tenant, workspace, app_uuid, name)
        );

        CREATE TABLE IF NOT EXISTS miget_buckets (
            tenant    TEXT NOT NULL,
            workspace TEXT NOT NULL,
            id        TEXT NOT NULL,
            name      TEXT NOT NULL,
            document  TEXT NOT NULL,
            PRIMARY KEY (tenant, workspace, id),
            UNIQUE (tenant, workspace, name)
        );

        CREATE TABLE IF NOT EXISTS bridgeport_databases (
            tenant   TEXT NOT NULL,
            env_id   TEXT NOT NULL,
            id       TEXT NOT NULL,
            name     TEXT NOT NULL,
            document TEXT NOT NULL,
            PRIMARY KEY (tenant, env_id, id),
            UNIQUE (tenant, env_id, name)
        );
        """;
}
