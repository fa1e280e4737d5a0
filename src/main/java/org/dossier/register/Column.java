package org.dossier.register;

/** The columns of the transfers register, in SIPRI's trade-register order. */
public enum Column {
  SUPPLIER("supplier", "Supplier"),
  RECIPIENT("recipient", "Recipient"),
  DESIGNATION("designation", "Designation"),
  DESCRIPTION("description", "Description"),
  NUMBER_ORDERED("numberOrdered", "No. ordered"),
  YEAR_OF_ORDER("yearOfOrder", "Year of order"),
  YEARS_OF_DELIVERY("yearsOfDelivery", "Year(s) of delivery"),
  NUMBER_DELIVERED("numberDelivered", "No. delivered"),
  VALUE("value", "Value"),
  STATUS("status", "Status"),
  COMMENTS("comments", "Comments");

  private final String key;
  private final String title;

  Column(String key, String title) {
    this.key = key;
    this.title = title;
  }

  /** The JSON key and CSV header. */
  public String key() {
    return key;
  }

  /** The heading of a table. */
  public String title() {
    return title;
  }
}
