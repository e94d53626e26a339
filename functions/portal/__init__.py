"""The one-stop public-service portal: procedures, dossiers, tracking and service centers."""
