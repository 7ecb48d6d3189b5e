package io.github.fixturekit.internal;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.mapping.Table;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Keeps an entity set inside the schema fixturekit made for it. Hibernate creates the schema by
 * dropping and re-creating every table and sequence of the mapping: a table or sequence mapped into
 * another schema ({@code @Table(schema = ...)}, {@code @SequenceGenerator(schema = ...)}, a
 * catalog) would be dropped with the rows its owner keeps there. Such a mapping is refused before
 * anything is sent to the database.
 */
final class OwnSchemaOnly {

  private OwnSchemaOnly() {}

  /**
   * @throws ExtensionConfigurationException naming every table and sequence mapped outside {@code
   *     schema}
   */
  // Name.getSchema()/getCatalog() are deprecated in Hibernate 7 for its record accessors, which
  // Hibernate 6.6 (supported) does not have
  @SuppressWarnings("deprecation")
  static void check(Metadata metadata, EntitySet entities, String schema) {
    List<String> outside = new ArrayList<>();
    for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
      Identifier namespaceSchema = namespace.getName().getSchema();
      Identifier namespaceCatalog = namespace.getName().getCatalog();
      boolean otherSchema =
          namespaceSchema != null && !namespaceSchema.getText().equalsIgnoreCase(schema);
      if (!otherSchema && namespaceCatalog == null) {
        continue;
      }
      String qualifier =
          (namespaceCatalog == null ? "" : namespaceCatalog.getText() + ".")
              + (namespaceSchema == null ? "" : namespaceSchema.getText() + ".");
      for (Table table : namespace.getTables()) {
        outside.add("table " + qualifier + table.getName());
      }
      for (Sequence sequence : namespace.getSequences()) {
        outside.add("sequence " + qualifier + sequence.getName().getSequenceName().getText());
      }
    }
    if (!outside.isEmpty()) {
      throw new ExtensionConfigurationException(Messages.mappedOutsideOwnSchema(entities, outside));
    }
  }
}
