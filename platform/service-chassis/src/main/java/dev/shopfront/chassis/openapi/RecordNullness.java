package dev.shopfront.chassis.openapi;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Reads what the code already says about each member of a record into its schema, so the
 * document is as strict as the code: a member without {@code @Nullable} is required (it
 * is always there, never null), a {@code @Nullable} one may be {@code null} or, in a
 * request, left out, and one left out when null ({@code @JsonInclude(NON_NULL)}) is
 * optional and never {@code null}. (Jackson's annotations on a record component are read
 * from its accessor, where they land.) A response that drops a member or sends a null
 * where none may be then fails the contract check. Two records of one name (nested
 * {@code Item}s of two controllers) would silently share one schema: that fails instead.
 */
final class RecordNullness implements ModelConverter {

	/** The record each schema name stands for: two records must not share one. */
	private final Map<String, Class<?>> named = new java.util.concurrent.ConcurrentHashMap<>();

	@Override
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		Schema resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
		if (resolved == null) {
			return null;
		}
		Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
		if (raw == null || !raw.isRecord()) {
			return resolved;
		}
		Schema model = resolved;
		String schemaName = (resolved.get$ref() != null)
				? resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1) : resolved.getName();
		if (schemaName != null) {
			Class<?> before = this.named.putIfAbsent(schemaName, raw);
			if (before != null && before != raw) {
				throw new IllegalStateException("Two types are both called " + schemaName + " in the API document, "
						+ before.getName() + " and " + raw.getName() + ", and one would replace the other: give one "
						+ "a name of its own with @Schema(name = ...)");
			}
			if (resolved.get$ref() != null) {
				model = context.getDefinedModels().get(schemaName);
			}
		}
		if (model == null || model.getProperties() == null) {
			return resolved;
		}
		model.setDescription(SharedProblemsAndAccess.markdown(model.getDescription()));
		Map<String, Schema> properties = model.getProperties();
		List<String> required = new ArrayList<>((model.getRequired() != null) ? model.getRequired() : List.of());
		for (RecordComponent component : raw.getRecordComponents()) {
			String name = jsonName(component);
			Schema property = properties.get(name);
			if (property == null) {
				continue;
			}
			property.setDescription(SharedProblemsAndAccess.markdown(property.getDescription()));
			boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
			JsonInclude include = component.getAccessor().getAnnotation(JsonInclude.class);
			boolean leftOutWhenNull = include != null && include.value() == JsonInclude.Include.NON_NULL;
			if (nullable && !leftOutWhenNull) {
				properties.put(name, orNull(property));
			}
			if (!nullable && !required.contains(name)) {
				required.add(name);
			}
		}
		model.setRequired(required.isEmpty() ? null : required);
		return resolved;
	}

	private static String jsonName(RecordComponent component) {
		JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
		return (property != null && !property.value().isEmpty()) ? property.value() : component.getName();
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema orNull(Schema property) {
		if (property.get$ref() != null) {
			Schema either = new Schema<>(SpecVersion.V31)
				.anyOf(List.of(new Schema<>(SpecVersion.V31).$ref(property.get$ref()),
						new Schema<>(SpecVersion.V31).typesItem("null")));
			return either.description(property.getDescription());
		}
		if (property.getTypes() != null && !property.getTypes().contains("null")) {
			property.addType("null");
		}
		return property;
	}

}
