# Sourced by the SQL-only tools: applies the Flyway migrations to the database named in $1 in version order with
# psql (they are plain SQL, as Flyway would run them). Expects the array psql=(psql ... ) and the repository root
# as the working directory.
apply_migrations() {
    for migration in $(ls adapters-persistence/src/main/resources/db/migration/V*__*.sql | sort -V); do
        "${psql[@]}" -d "$1" --single-transaction -f "$migration"
    done
}
