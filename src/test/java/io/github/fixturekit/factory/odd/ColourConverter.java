package io.github.fixturekit.factory.odd;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class ColourConverter implements AttributeConverter<Colour, String> {

  @Override
  public String convertToDatabaseColumn(Colour colour) {
    return colour == null ? null : colour.hex();
  }

  @Override
  public Colour convertToEntityAttribute(String hex) {
    return hex == null ? null : Colour.of(hex);
  }
}
