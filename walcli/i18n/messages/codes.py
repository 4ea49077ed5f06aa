"""What each problem code means and how to fix it, in French beside the English its module
declares (`Code(name, severity, description, hint)` stays the English source: the README
and docs/problem-codes.md are generated from it). A test fails when a code of the table has
no French here.

The messages are `codes.NAME.description` and `codes.NAME.hint`; they are built when the
area is first read (by `--explain` or a report in French), from the code table itself.
"""

from __future__ import annotations

FRENCH: dict[str, tuple[str, str]] = {
    "yaml-syntax": (
        "Le fichier n'est pas du YAML bien formé.",
        "Corrigez le YAML à la position indiquée ; vérifiez l'indentation et les guillemets.",
    ),
    "yaml-tab": (
        "Une tabulation sert à indenter.",
        "Indentez avec des espaces seulement : YAML y interdit les tabulations.",
    ),
    "yaml-duplicate-key": (
        "Une même clé figure deux fois dans un dictionnaire ; YAML garderait la dernière sans "
        "rien dire.",
        "Supprimez ou renommez l'une des deux clés.",
    ),
    "yaml-tag": (
        "Une étiquette explicite ou propre à un langage (!!python/..., !custom) est employée.",
        "Retirez l'étiquette ; une fiche contient des textes, des nombres, des listes et des "
        "dictionnaires.",
    ),
    "yaml-alias": (
        "Les ancres, alias et clés de fusion sont refusés (ils cachent des répétitions et "
        "permettent des bombes d'alias).",
        "Écrivez la valeur en entier là où elle sert.",
    ),
    "yaml-too-deep": (
        "Le document est plus imbriqué qu'aucune fiche n'en a besoin.",
        "Aplatissez la structure ; une fiche a au plus 32 niveaux.",
    ),
    "yaml-multiple-documents": (
        "Le fichier contient plusieurs documents YAML.",
        "Gardez une fiche par fichier ; retirez les documents en trop après '---'.",
    ),
    "non-finite-number": (
        "Un nombre vaut .inf ou .nan, ce que JSON ne peut pas représenter.",
        "Écrivez le vrai chiffre, ou mettez le texte entre guillemets si ce n'est pas un nombre.",
    ),
    "empty-file": (
        "Le fichier ne contient aucune fiche.",
        "Écrivez la fiche, ou supprimez le fichier.",
    ),
    "not-a-mapping": (
        "Le document n'est pas un dictionnaire de champs.",
        "Une fiche est un dictionnaire : 'id: ...', 'name: ...' au premier niveau.",
    ),
    "yaml-implicit-type": (
        "Une valeur sans guillemets a été lue par YAML comme autre chose (NO comme faux, 010 "
        "comme 8, 1.10 comme 1.1, 12:30 comme 750, ~ comme null).",
        "Mettez la valeur entre guillemets comme l'indique le message ('NO', '12:30') ; pour "
        "un nombre, écrivez-le en décimales simples (8, pas 010).",
    ),
    "encoding": (
        "Le fichier n'est pas du texte UTF-8.",
        "Enregistrez le fichier en UTF-8 (avec ou sans BOM).",
    ),
    "file-too-large": (
        "Le fichier est plus gros qu'une fiche ne peut l'être (1 Mio).",
        "Scindez le contenu ou retirez ce qui n'a pas sa place dans une fiche.",
    ),
    "not-a-file": (
        "Un chemin d'un dossier de données qui ressemble à une fiche n'est pas un fichier "
        "ordinaire lisible.",
        "Remplacez-le par un fichier ordinaire ou supprimez-le.",
    ),
    "link-outside-root": (
        "Un lien symbolique d'un dossier de données pointe hors du registre.",
        "Copiez la fiche dans le registre au lieu de la lier.",
    ),
    "stray-file": (
        "Un fichier d'un dossier de données qui n'est pas une fiche (.yaml) est ignoré.",
        "Renommez-le en <id>.yaml si c'est une fiche, ou sortez-le de data/.",
    ),
    "id-mismatch": (
        "L'identifiant de la fiche diffère du nom de son fichier.",
        "Renommez le fichier en <id>.yaml ou changez l'identifiant pour le nom du fichier.",
    ),
    "duplicate-id": (
        "Deux fiches ont le même identifiant.",
        "Les identifiants sont uniques dans tout le registre ; renommez l'une des deux.",
    ),
    "unknown-reference": (
        "Une référence nomme une fiche qui n'existe pas.",
        "Utilisez l'un des identifiants suggérés, ou ajoutez la fiche manquante.",
    ),
    "wrong-kind-reference": (
        "Une référence nomme une fiche d'une autre sorte que celle qu'attend le champ.",
        "Faites pointer le champ vers une fiche de la sorte attendue.",
    ),
    "unknown-source": (
        "Un fait cite un identifiant de source que la fiche ne liste pas.",
        "Ajoutez la source aux 'sources' de la fiche ou citez l'un de ses identifiants.",
    ),
    "duplicate-source": (
        "Un identifiant ou une URL de source figure deux fois dans une fiche.",
        "Gardez une entrée par source et citez-la par son identifiant.",
    ),
    "bad-date": (
        "Une date a la bonne forme mais n'existe pas dans le calendrier.",
        "Corrigez le jour ou le mois ; en cas de doute, prenez une précision plus large (2016-08).",
    ),
    "period-order": (
        "Une période finit avant de commencer (start/end, from/to, presented/adopted), à la "
        "précision donnée.",
        "Inversez ou corrigez les dates ; 2006 et 2006-07 ne se contredisent pas.",
    ),
    "range-order": (
        "Un chiffre donné en fourchette a son max sous sa valeur (le bas de la fourchette).",
        "Mettez le bas de la fourchette dans value et le haut dans max.",
    ),
    "label-outside-plan": (
        "Aucune date de labellisation sourcée d'un pôle ne tombe dans la période du plan de "
        "labelled_by.",
        "Corrigez labelled ou labelled_by, ou la période du plan ; une affirmation sourcée "
        "dans la période suffit.",
    ),
    "reference-cycle": (
        "Des références d'une sorte de fiche vers elle-même (predecessor, continues, "
        "related...) reviennent à leur point de départ.",
        "Enregistrez chaque relation une fois, sur la fiche la plus récente, et retirez la "
        "référence qui ferme le cycle.",
    ),
    "series-order": (
        "Une série (éléments avec as_of ou date que le schéma garde dans l'ordre des dates) "
        "est dans le désordre.",
        "Remettez l'élément à sa place selon sa date ; les éléments sans date vont à la fin.",
    ),
    "seed-deck-citation": (
        "La présentation d'origine est citée par un fait qui n'est pas marqué "
        "attributed_to: seed-deck, ou un fait ainsi marqué ne la cite pas.",
        "Marquez l'affirmation attributed_to: seed-deck à côté de celle qui est sourcée, ou "
        "citez une vraie source.",
    ),
    "duplicate-local-id": (
        "Deux éléments d'une même liste d'une fiche (acteurs, actions, instances, programmes) "
        "ont le même identifiant, ou deux axes le même numéro.",
        "Donnez à chaque élément son propre identifiant.",
    ),
    "unknown-local-id": (
        "Un identifiant propre à la fiche (un acteur nommé par une action ou une instance, un "
        "axe nommé par un programme, un objectif nommé par un résultat) ne nomme aucun "
        "élément de la fiche.",
        "Utilisez l'un des identifiants suggérés, ou ajoutez l'élément manquant.",
    ),
    "unknown-linked-axis": (
        "Un lien vers un axe d'un autre plan (plan_links avec axis) nomme un numéro d'axe que "
        "ce plan n'a pas.",
        "Utilisez l'un des numéros d'axe du plan lié, ou retirez axis si le lien vise le plan "
        "entier.",
    ),
    "seed-deck-alone": (
        "Toutes les affirmations d'un fait viennent de la présentation d'origine : le fait "
        "n'est pas confirmé, mais se lirait comme une valeur.",
        "Gardez l'affirmation de la présentation à côté d'une affirmation sourcée, ou "
        "déplacez-la dans open_questions.",
    ),
    "placeholder": (
        "Une valeur est encore le TODO provisoire écrit par wal new.",
        "Remplacez TODO par la vraie valeur ; le commentaire de sa ligne (tiré du schéma) dit "
        "ce qu'on y attend.",
    ),
    "mojibake": (
        "Un texte semble mal décodé (mojibake) : de l'UTF-8 lu dans un autre codage, comme "
        "'Ã©' pour 'é' (détecté par ftfy).",
        "Remplacez le texte par la réparation que suggère le message, ou recopiez-le depuis "
        "la source en UTF-8.",
    ),
    "schema-required": (
        "Un champ obligatoire manque.",
        "Ajoutez le champ que nomme le message.",
    ),
    "schema-type": (
        "Une valeur n'a pas le bon type (du texte là où un nombre est attendu, une liste là où "
        "un dictionnaire l'est...).",
        "Écrivez la valeur dans le type que nomme le message ; mettez entre guillemets un "
        "texte que YAML lirait comme un nombre.",
    ),
    "schema-enum": (
        "Une valeur ne fait pas partie des valeurs permises.",
        "Utilisez l'une des valeurs listées (le message suggère la plus proche).",
    ),
    "schema-const": (
        "Une valeur diffère de la seule valeur permise.",
        "Écrivez la valeur que nomme le message.",
    ),
    "schema-pattern": (
        "Un texte n'a pas la forme attendue (un identifiant, une date, une URL...).",
        "Réécrivez-le dans la forme que montre le message, par ex. les identifiants en "
        "mots-en-minuscules-avec-traits-d-union.",
    ),
    "schema-format": (
        "Un texte n'est pas une URI, une adresse électronique ou un autre format valide.",
        "Corrigez la valeur ; une URL commence par http:// ou https://.",
    ),
    "schema-additional-properties": (
        "Un dictionnaire a un champ que le schéma ne connaît pas (souvent une faute de frappe).",
        "Renommez le champ comme suggéré, ou retirez-le.",
    ),
    "schema-unevaluated-properties": (
        "Un dictionnaire a un champ que le schéma ne connaît pas (souvent une faute de frappe).",
        "Renommez le champ comme suggéré, ou retirez-le.",
    ),
    "schema-min-items": (
        "Une liste a moins d'éléments qu'il n'en faut (par ex. aucune source).",
        "Ajoutez les éléments manquants, par ex. au moins une source.",
    ),
    "schema-max-items": (
        "Une liste a plus d'éléments que permis.",
        "Retirez des éléments ou scindez la fiche.",
    ),
    "schema-unique-items": (
        "Une liste contient deux fois le même élément.",
        "Retirez l'élément répété.",
    ),
    "schema-min-length": (
        "Un texte est vide ou trop court.",
        "Écrivez le texte, ou retirez le champ.",
    ),
    "schema-max-length": (
        "Un texte est plus long que permis.",
        "Raccourcissez le texte ; une longue prose va dans un champ de paragraphe.",
    ),
    "schema-minimum": (
        "Un nombre est sous la plus petite valeur permise.",
        "Corrigez le chiffre (montants et effectifs ne sont jamais négatifs).",
    ),
    "schema-maximum": (
        "Un nombre dépasse la plus grande valeur permise.",
        "Corrigez le chiffre ou son unité.",
    ),
    "schema-any-of": (
        "Une valeur ne correspond à aucune des formes que le champ accepte.",
        "Lisez quelle forme était la plus proche et pourquoi elle échoue ; réécrivez la "
        "valeur dans une forme permise.",
    ),
    "schema-one-of": (
        "Une valeur ne correspond à aucune, ou à plus d'une, des formes que le champ accepte.",
        "Lisez quelle forme était la plus proche et pourquoi elle échoue ; réécrivez la "
        "valeur dans exactement une forme permise.",
    ),
    "schema-not": (
        "Une valeur a une forme que le schéma interdit ici.",
        "Réécrivez la valeur comme l'explique le message.",
    ),
    "schema-dependent-required": (
        "Un champ en demande un autre à côté de lui.",
        "Ajoutez le champ que nomme le message.",
    ),
    "schema-*": (
        "La fiche enfreint son schéma JSON ; le code nomme le mot-clé (schema-required, "
        "schema-enum...).",
        "Lisez le message : il nomme le champ et ce que le schéma y attend.",
    ),
}


def _messages() -> dict[str, dict[str, str]]:
    from walcli.check.codes import table
    from walcli.schema.errors import SCHEMA_CODE

    codes = {**table(), SCHEMA_CODE.name: SCHEMA_CODE}
    found: dict[str, dict[str, str]] = {}
    for name, code in codes.items():
        if name not in FRENCH:
            continue  # no French yet: a test names it; readers get the English
        description, hint = FRENCH[name]
        found[f"codes.{name}.description"] = {"en": code.description, "fr": description}
        found[f"codes.{name}.hint"] = {"en": code.hint, "fr": hint}
    return found


MESSAGES: dict[str, dict[str, str]] = _messages()
