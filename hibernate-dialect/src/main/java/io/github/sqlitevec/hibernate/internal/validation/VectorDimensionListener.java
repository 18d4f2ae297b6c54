package io.github.sqlitevec.hibernate.internal.validation;

import java.util.List;
import java.util.Map;

import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Checks every vector written by persist/merge/flush against its {@code @Array(length = N)} before the
 * INSERT or UPDATE is sent. SQLite itself would store a blob of any length, and the mistake would only
 * surface later as a distance error in some query. Immutable and thread-safe.
 */
final class VectorDimensionListener implements PreInsertEventListener, PreUpdateEventListener {

    private final Map<String, List<VectorColumnSpec>> specsByEntity;

    VectorDimensionListener(Map<String, List<VectorColumnSpec>> specsByEntity) {
        this.specsByEntity = Map.copyOf(specsByEntity);
    }

    @Override
    public boolean onPreInsert(PreInsertEvent event) {
        check(event.getPersister(), event.getState());
        return false;
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        check(event.getPersister(), event.getState());
        return false;
    }

    private void check(EntityPersister persister, Object[] state) {
        List<VectorColumnSpec> specs = specsByEntity.get(persister.getEntityName());
        if (specs == null) {
            return;
        }
        String[] names = persister.getPropertyNames();
        for (VectorColumnSpec spec : specs) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(spec.attribute())) {
                    spec.check(state[i]);
                }
            }
        }
    }
}
