/// Migration v18-database-roles (PostgreSQL only: a SQLite file has no roles, its permissions are the
/// boundary). Who is acting is vouched for by the database (DECISIONS.md, "Who is acting is vouched for
/// by the database"):
///
/// - `rapport_is_administrator()`: the connected role is a superuser, the database's owner or a member
///   of the owner's role. Such a role may act as any agent; any other role is the agent of its own name.
/// - `rapport_grant_agents()`: makes the group role `rapport_agent` if it is missing and the migrating
///   role may create roles (else nothing: no failure), and grants it the rows of every table and the
///   sequences. Run again after every migration run and every `rapport init`, so later tables are covered.
/// - `rapport_vouch_actor(column)`: triggers refusing an assignment whose `by_agent`, or a message whose
///   `author`, is another role than the connected one, unless that role is an administrator (a message
///   without an author does not fire it). Inbound mail (no author) is written by any
///   role, so a mail host's own role ingests; it cannot log assignments or write as an agent.
/// Shipped: never edit it; change the schema with a new numbered migration.
enum PGV18DatabaseRoles: PostgresMigration {
    static let identifier = "v18-database-roles"

    static let statements = [
        """
        CREATE FUNCTION rapport_is_administrator() RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT COALESCE((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user), false)
                OR COALESCE((SELECT pg_has_role(current_user, d.datdba, 'MEMBER') FROM pg_database d
                             WHERE d.datname = current_database()), false)
        $$
        """,
        """
        CREATE FUNCTION rapport_grant_agents() RETURNS text LANGUAGE plpgsql AS $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rapport_agent') THEN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
                    RETURN 'the role rapport_agent is missing, and ' || current_user || ' may not create roles';
                END IF;
                BEGIN
                    CREATE ROLE rapport_agent NOLOGIN;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN
                    NULL; -- made meanwhile by another database's migration on the same server
                END;
            END IF;
            BEGIN
                EXECUTE format('GRANT USAGE ON SCHEMA %I TO rapport_agent', current_schema());
                EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO rapport_agent', current_schema());
                EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO rapport_agent', current_schema());
            EXCEPTION WHEN insufficient_privilege THEN
                RETURN current_user || ' may not grant the tables to rapport_agent';
            END;
            RETURN NULL;
        END
        $$
        """,
        """
        CREATE FUNCTION rapport_vouch_actor() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            actor text := to_jsonb(NEW) ->> TG_ARGV[0];
        BEGIN
            IF actor = current_user::text OR rapport_is_administrator() THEN RETURN NEW; END IF;
            RAISE EXCEPTION 'connected to the database as %: only an administrator role may act as %', current_user, actor
                USING ERRCODE = 'insufficient_privilege';
        END
        $$
        """,
        """
        CREATE TRIGGER assignment_vouched BEFORE INSERT ON assignment
            FOR EACH ROW EXECUTE FUNCTION rapport_vouch_actor('by_agent')
        """,
        """
        CREATE TRIGGER assignment_vouched_update BEFORE UPDATE OF by_agent ON assignment
            FOR EACH ROW WHEN (NEW.by_agent IS DISTINCT FROM OLD.by_agent) EXECUTE FUNCTION rapport_vouch_actor('by_agent')
        """,
        """
        CREATE TRIGGER message_author_vouched BEFORE INSERT ON message
            FOR EACH ROW WHEN (NEW.author IS NOT NULL) EXECUTE FUNCTION rapport_vouch_actor('author')
        """,
        """
        CREATE TRIGGER message_author_vouched_update BEFORE UPDATE OF author ON message
            FOR EACH ROW WHEN (NEW.author IS NOT NULL AND NEW.author IS DISTINCT FROM OLD.author)
            EXECUTE FUNCTION rapport_vouch_actor('author')
        """,
    ]
}
