// Fictional Norwegian names for demo patients and staff.
export const FIRST_NAMES = [
  "Anne", "Inger", "Kari", "Marit", "Ingrid", "Liv", "Eva", "Berit", "Astrid", "Bjørg", "Hilde", "Anna", "Solveig", "Marianne", "Randi",
  "Ida", "Nora", "Emma", "Sara", "Thea", "Maja", "Ingeborg", "Silje", "Tone", "Camilla", "Jan", "Per", "Bjørn", "Ole", "Lars", "Kjell",
  "Knut", "Arne", "Svein", "Thomas", "Hans", "Geir", "Tor", "Morten", "Terje", "Jonas", "Emil", "Lukas", "Filip", "Henrik", "Sander",
  "Magnus", "Elias", "Aksel", "Tobias", "Sigrid", "Ragnhild", "Vilde", "Oda", "Jakob", "Mathias", "Even", "Eirik", "Øystein", "Åse",
];
export const LAST_NAMES = [
  "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen", "Karlsen", "Johnsen", "Pettersen",
  "Eriksen", "Berg", "Haugen", "Hagen", "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen", "Lund",
  "Sørensen", "Jakobsen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen", "Eide", "Knutsen", "Martinsen", "Paulsen",
  "Bakken", "Kristoffersen", "Mathisen", "Lie", "Amundsen", "Nguyen", "Rasmussen", "Ali", "Lunde", "Solheim", "Berge", "Moe", "Nygård",
  "Bakke", "Kristensen", "Fredriksen", "Holm", "Lien", "Hauge", "Christensen", "Andresen", "Nielsen", "Knudsen", "Evensen", "Sæther",
];
