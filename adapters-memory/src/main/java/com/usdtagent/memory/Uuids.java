package com.usdtagent.memory;

import java.util.Comparator;
import java.util.UUID;

/** PostgreSQL orders uuids by their bytes, unsigned; {@link UUID#compareTo} compares signed halves. */
final class Uuids {

    static final Comparator<UUID> POSTGRES_ORDER = Comparator
            .comparing((UUID id) -> id.getMostSignificantBits(), Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private Uuids() {
    }
}
