package br.com.regua.bpmnguard;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The beans an expression may name: Régua's delegates and listeners, by bean name, and nothing
 * else of the application context. The engine is built before the delegates exist (they need its
 * services), so names are found in the bean definitions the first time one is asked for, and a
 * delegate is fetched from the context only when an expression names it.
 */
public final class DelegateBeans extends AbstractMap<Object, Object> {

    private static final Class<?>[] DELEGATE_TYPES = {JavaDelegate.class, ExecutionListener.class, TaskListener.class};

    private final ListableBeanFactory context;
    private volatile Set<String> names;

    public DelegateBeans(ListableBeanFactory context) {
        this.context = context;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && names().contains(name);
    }

    @Override
    public Object get(Object key) {
        return containsKey(key) ? context.getBean((String) key) : null;
    }

    @Override
    public Set<Object> keySet() {
        return Set.copyOf(names());
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return names().stream().map(name -> Map.entry((Object) name, context.getBean(name))).collect(Collectors.toSet());
    }

    /** The names of Régua's delegate beans, sorted. */
    public Set<String> names() {
        Set<String> found = names;
        if (found == null) {
            TreeSet<String> delegates = new TreeSet<>();
            for (Class<?> type : DELEGATE_TYPES) {
                // no eager initialisation: this may be asked while the context is still being built
                for (String name : context.getBeanNamesForType(type, true, false)) {
                    Class<?> beanClass = context.getType(name, false);
                    if (beanClass != null && ClassUtils.getUserClass(beanClass).getName().startsWith(BpmnGuard.REGUA_PACKAGE)) {
                        delegates.add(name);
                    }
                }
            }
            found = Collections.unmodifiableSortedSet(delegates);
            names = found;
        }
        return found;
    }
}
