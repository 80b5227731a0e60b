"""A seeded generator of short, simple children's stories: the Children's Stories corpus."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import NamedTuple

DEFAULT_SEED = 7
DEFAULT_CHARACTERS = 120_000

# (name, kind, "he" or "she"). Kinds are small and friendly; names are short and easy to spell.
CHARACTERS = (
    ("Pip", "rabbit", "he"),
    ("Lily", "girl", "she"),
    ("Tom", "boy", "he"),
    ("Rosie", "cat", "she"),
    ("Ben", "bear", "he"),
    ("Mia", "mouse", "she"),
    ("Sam", "duck", "he"),
    ("Ella", "fox", "she"),
    ("Max", "dog", "he"),
    ("Lucy", "hen", "she"),
    ("Jack", "frog", "he"),
    ("Anna", "owl", "she"),
    ("Leo", "lion", "he"),
    ("Daisy", "cow", "she"),
    ("Toby", "puppy", "he"),
    ("Molly", "pig", "she"),
    ("Ollie", "otter", "he"),
    ("Zoe", "girl", "she"),
    ("Finn", "boy", "he"),
    ("Nina", "kitten", "she"),
)
KIND_WORDS = ("little", "small", "happy", "brave", "kind", "busy", "gentle", "clever", "curious")
HOMES = (
    "a small house by the river",
    "a cozy hole under a big tree",
    "a little blue house in the town",
    "a nest at the top of an old oak tree",
    "a warm den at the edge of the woods",
    "a yellow house near the pond",
    "a tiny cottage on a green hill",
    "a red barn on a busy farm",
)
LIKES = (
    "run and jump in the tall grass",
    "sing little songs",
    "paint bright pictures",
    "read books about the sea",
    "look at the stars at night",
    "build castles in the sand",
    "splash in big puddles",
    "count the clouds in the sky",
    "play hide and seek",
    "pick flowers for {his} {elder}",
)
PLACES = ("the park", "the beach", "the woods", "the farm", "the hill", "the lake", "the garden")
OPENERS = (
    "One sunny morning",
    "One windy day",
    "One warm afternoon",
    "One bright spring day",
    "One fine summer day",
    "Early one morning",
    "One day",
)
COLORS = ("red", "blue", "green", "yellow", "pink", "purple")
TOYS = ("ball", "hat", "toy boat", "teddy bear", "scarf", "drum", "book")
FLYERS = ("kite", "ball", "hat", "paper plane")
BROKEN = ("toy train", "wooden cart", "little kite", "toy robot", "doll house")
HIDING_SPOTS = (
    "under the bed",
    "behind the door",
    "in the toy box",
    "under the table",
    "in the garden",
    "by the pond",
    "behind the big chair",
)
FOUND_SPOTS = (
    "under a pile of leaves",
    "in the basket by the door",
    "behind the flower pot",
    "on top of the shed",
    "in the tall grass by the fence",
    "under the old bench",
)
FOODS = ("apple cake", "carrot cake", "honey bread", "berry pie", "lemon cake")
CLOSINGS = (
    "That night, {name} went to sleep with a big smile.",
    "It was the best day ever.",
    "{name} was very happy.",
    "{name} would remember this day for a long, long time.",
)
# Only for stories in which the friend took part.
FRIEND_CLOSINGS = (
    "From that day on, {name} and {friend} were the best of friends.",
    "And that is how {name} learned that friends help each other.",
    "{name} was very happy, and so was {friend}.",
    "They played together until the sun went down.",
)


class Plot(NamedTuple):
    """The middle of a story, and whether the friend was part of it."""

    title: str
    problem: list[str]
    solution: list[str]
    friend_helps: bool
    closings: tuple[str, ...] = ()  # endings that fit this plot better than the usual ones


def _article(phrase: str) -> str:
    return f"an {phrase}" if phrase[0] in "aeiou" else f"a {phrase}"


def _pronouns(prefix: str, gender: str) -> dict[str, str]:
    he, him, his = ("she", "her", "her") if gender == "she" else ("he", "him", "his")
    forms = {f"{prefix}he": he, f"{prefix}him": him, f"{prefix}his": his}
    return forms | {key.capitalize(): value.capitalize() for key, value in forms.items()}


class _Teller:
    """Picks among sentence templates and fills them with this story's cast."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        hero, friend = rng.sample(CHARACTERS, 2)
        elder = rng.choice(("mom", "dad", "grandma", "grandpa"))
        self.words = {
            "name": hero[0],
            "kind": hero[1],
            "adj": rng.choice(KIND_WORDS),
            "friend": friend[0],
            "fkind": friend[1],
            # "Ben the bear" reads well; "Tom the boy" does not.
            "fdesc": friend[0] if friend[1] in ("girl", "boy") else f"{friend[0]} the {friend[1]}",
            "a_fkind": _article(friend[1]),
            "elder": elder,
            "place": rng.choice(PLACES),
            "opener": rng.choice(OPENERS),
            "color": rng.choice(COLORS),
            **_pronouns("", hero[2]),
            **_pronouns("f", friend[2]),
            **_pronouns("e", "she" if elder in ("mom", "grandma") else "he"),
        }
        self.words["home"] = rng.choice(HOMES)
        self.words["like"] = rng.choice(LIKES).format(**self.words)

    def pick_helper(self) -> bool:
        """Let the friend or the grown-up help in this story; True if it is the friend."""
        by_friend = self.rng.random() < 0.5
        w = self.words
        helper = w["friend"] if by_friend else f"{w['his']} {w['elder']}"
        pronoun = w["fhe"] if by_friend else w["ehe"]
        self.set(helper=helper, Helper=helper[0].upper() + helper[1:], **_pronouns("h", pronoun))
        return by_friend

    def set(self, **words: str) -> None:
        self.words.update(words)

    def say(self, *templates: str) -> str:
        return self.rng.choice(templates).format(**self.words)

    def some(self, options: tuple[str, ...], count: int) -> list[str]:
        return self.rng.sample(options, count)


def _beginning(t: _Teller, introduce_friend: bool) -> list[str]:
    sentences = [
        t.say(
            "Once upon a time, there was a {adj} {kind} named {name}.",
            "There once was a {adj} {kind} called {name}.",
            "{name} was a {adj} {kind}.",
            "Long ago, in a quiet little town, there lived a {adj} {kind} named {name}.",
        ),
        t.say(
            "{He} lived in {home}.",
            "{He} lived in {home} with {his} {elder}.",
            "{His} home was {home}.",
        ),
        t.say("{He} loved to {like}.", "More than anything, {he} liked to {like}."),
        t.say(
            "{His} best friend was {friend}, {a_fkind}.",
            "{name} had a good friend named {friend}. {friend} was {a_fkind}.",
            "{fdesc} lived next door, and they played together every day.",
        ),
    ]
    return sentences if introduce_friend else sentences[:-1]


def _lost_toy(t: _Teller) -> Plot:
    t.set(toy=f"{t.words['color']} {t.rng.choice(TOYS)}")
    spots = t.some(HIDING_SPOTS, 3)
    problem = [
        t.say(
            "{opener}, {name} wanted to play with {his} {toy}.",
            "{opener}, {name} went to get {his} {toy}.",
        ),
        t.say("But the {toy} was not there!", "{He} looked for {his} {toy}, but it was gone."),
        *(f"{t.words['He']} looked {spot}." for spot in spots),
        t.say("It was not there.", "There was no {toy} anywhere."),
        t.say("{name} felt very sad.", "A big tear rolled down {his} cheek."),
        t.say('"Where can my {toy} be?" {he} asked.', '"I miss my {toy}," {he} said.'),
    ]
    solution = [
        t.say("Just then, {friend} came to the door.", "Then {fdesc} came by."),
        t.say('"Why are you sad?" asked {friend}.', '"What is wrong?" asked {friend}.'),
        t.say('"I lost my {toy}," said {name}.', '"My {toy} is lost," said {name}.'),
        t.say('"Do not worry. I will help you look," said {friend}.', '"Let us look together!"'),
        f"They looked high and low. At last, {t.words['friend']} saw something "
        f"{t.words['color']} {t.rng.choice(FOUND_SPOTS)}.",
        t.say("It was the {toy}!", "It was {name}'s {toy}!"),
        t.say('"You found it!" cried {name}.', '"Hooray!" shouted {name}.'),
        t.say(
            "{name} gave {friend} a big hug.", '"Thank you," said {name}. "You are a good friend."'
        ),
    ]
    title = t.say("{name} and the Lost {toy}", "Where Is the {toy}?")
    return Plot(title, problem, solution, friend_helps=True)


# Three ways to get a thing down from a tree, one sentence template per line.
RESCUES = (
    (
        "Then a little bird flew down from the sky.",
        '"I can help," sang the bird.',
        "The bird pulled the {toy} with its beak, and it fell down into {name}'s arms.",
        '"Thank you, little bird!" said {name} and {friend}.',
    ),
    (
        "{friend} had an idea.",
        '"Let us find a long stick!" {fhe} said.',
        "They found a long stick by the fence.",
        "{name} held the stick up high and gave the {toy} a little push.",
        "Down came the {toy}!",
    ),
    (
        "Just then, {name}'s {elder} walked by.",
        "{Ehe} went home and came back with a tall ladder.",
        "{Ehe} climbed up, step by step, and got the {toy} down.",
        '"Thank you!" said {name}. "You are the best."',
    ),
)


def _stuck_in_tree(t: _Teller) -> Plot:
    t.set(toy=f"{t.words['color']} {t.rng.choice(FLYERS)}")
    problem = [
        t.say("{opener}, {name} and {friend} went to {place} with {his} {toy}."),
        t.say(
            "The wind blew hard, and the {toy} went up, up, up.",
            "A big gust of wind came and carried the {toy} away.",
        ),
        t.say("It got stuck at the top of a tall tree.", "The {toy} landed high in an old tree."),
        t.say(
            "{name} jumped, but {he} could not reach it.",
            "{name} stood on a rock, but the tree was too tall.",
        ),
        t.say("{friend} tried to climb the tree, but the branches were too thin."),
        t.say(
            "{name} sat down under the tree and felt like crying.",
            '"Oh no," said {name}. "My {toy}!"',
        ),
    ]
    rescue = t.rng.choice(RESCUES)
    solution = [t.say(sentence) for sentence in rescue]
    solution.append(
        t.say("Then they played with the {toy} all afternoon, far away from the trees.")
    )
    title = t.say("The {toy} in the Tree", "{name} and the Tall Tree")
    return Plot(title, problem, solution, friend_helps=True)


def _rainy_picnic(t: _Teller) -> Plot:
    t.set(food=t.rng.choice(FOODS))
    problem = [
        t.say("{opener}, {name} and {friend} made a plan for a picnic at {place}."),
        t.say(
            "They packed {food}, apples and a big jug of milk.",
            "{name} made {food} for the picnic.",
        ),
        t.say(
            "But when they opened the door, dark clouds filled the sky.",
            "Then the sky turned grey.",
        ),
        t.say("Soon the rain came down, drip, drop, drip.", "Big drops of rain began to fall."),
        t.say('"Now we cannot have our picnic," said {name} in a sad voice.'),
        t.say("{friend} looked out of the window and sighed."),
    ]
    solution = [
        t.say("Then {name}'s {elder} had an idea.", "Then {friend} jumped up. {Fhe} had an idea."),
        t.say('"Why not have the picnic inside?"'),
        t.say(
            "They put a blanket on the floor.", "They made a tent with chairs and a big blanket."
        ),
        t.say("They ate the {food} and listened to the rain on the roof."),
        t.say("They told funny stories and sang songs.", "It was warm and cozy inside."),
        t.say('"This is the best picnic ever!" said {name}.', "Nobody missed the sun at all."),
    ]
    title = t.say("The Rainy Day Picnic", "{name} and the Rain")
    return Plot(title, problem, solution, friend_helps=True)


def _lost_way(t: _Teller) -> Plot:
    problem = [
        t.say(
            "{opener}, {name} went for a walk in the woods.",
            "{opener}, {name} went to pick berries.",
        ),
        t.say(
            "{He} saw a pretty butterfly and followed it.", "{He} walked and walked, far from home."
        ),
        t.say("Soon the trees were tall and dark.", "Soon {he} did not know where {he} was."),
        t.say("{name} was lost!", "Every path looked the same."),
        t.say(
            "{He} felt scared and very small.", "{His} legs were tired, and the sun was going down."
        ),
        t.say('"I want to go home," {he} said softly.'),
    ]
    solution = [
        t.say(
            "Then {he} heard a voice. It was {friend}!", "Just then, {friend} came down the path."
        ),
        t.say('"I know the way," said {friend}. "Follow the river, and it will take us home."'),
        t.say("They walked side by side along the river.", "They held hands and walked together."),
        t.say("Soon {name} saw {his} home, with a light in the window."),
        t.say("{name}'s {elder} was waiting at the door.", "{His} {elder} ran out to meet {him}."),
        t.say("{Ehe} gave {name} a big warm hug.", '"You are home safe," said {his} {elder}.'),
    ]
    title = t.say("{name} Finds the Way Home", "Lost in the Woods")
    return Plot(title, problem, solution, friend_helps=True)


def _broken_toy(t: _Teller) -> Plot:
    t.set(toy=t.rng.choice(BROKEN))
    problem = [
        t.say(
            "{opener}, {name} was playing with {his} {toy}.", "{name} had a {toy} that {he} loved."
        ),
        t.say(
            "Oops! The {toy} fell off the table.",
            "{He} played so fast that the {toy} hit the wall.",
        ),
        t.say("Crack! One wheel came off.", "Snap! A piece broke off."),
        t.say("{name} picked it up. It was broken.", "Now the {toy} could not move."),
        t.say('"Oh no," cried {name}. "My {toy} is broken!"'),
    ]
    by_friend = t.pick_helper()
    solution = [
        t.say("{name} showed it to {helper}.", "{Helper} came over to see."),
        t.say('"We can fix it," said {helper}.', '"Let us fix it together," said {helper}.'),
        t.say("They got some glue and some string.", "They found glue, tape and a little brush."),
        t.say("Slowly, they put the pieces back."),
        t.say("They waited for the glue to dry.", "They painted it {color}, to make it like new."),
        t.say("At last, the {toy} was as good as new.", "Soon the {toy} worked again!"),
        t.say('"Thank you!" said {name}, and {he} played with it all day, very gently.'),
    ]
    title = t.say("The Broken {toy}", "{name} Fixes the {toy}")
    return Plot(title, problem, solution, friend_helps=by_friend)


# What frightens the hero at night, and what it turns out to be.
NIGHT_FRIGHTS = (
    ("{He} saw a big shadow on the wall.", "The shadow was only {his} coat on the chair!"),
    ("Something was tapping on the window.", "It was only a tree branch in the wind."),
    ("{He} heard a strange sound in the hall: tick, tick, tick.", "It was only the old clock."),
)


def _afraid_of_dark(t: _Teller) -> Plot:
    fright, truth = t.rng.choice(NIGHT_FRIGHTS)
    problem = [
        t.say("One night, {name} could not sleep.", "It was late at night, but {name} was awake."),
        t.say("The room was very dark.", "The wind made funny sounds outside."),
        t.say(fright),
        t.say('"Is that a monster?" {he} whispered.', "{name} pulled the blanket over {his} head."),
        t.say("{His} heart went thump, thump, thump."),
    ]
    solution = [
        t.say(
            "{name} called for {his} {elder}, who came in and turned on the lamp.",
            "{His} {elder} heard {him}, came in and turned on the lamp.",
        ),
        t.say(truth),
        t.say("{name} laughed.", '"It is not a monster at all," said {name}, and {he} smiled.'),
        t.say("{His} {elder} gave {him} a little night light shaped like a moon."),
        t.say("Then {ehe} sang {him} a soft song.", "{Ehe} read {him} a story about the stars."),
        t.say("Soon {name} was fast asleep."),
    ]
    title = t.say("{name} and the Dark", "The Shadow on the Wall")
    closings = ("{He} was not afraid of the dark any more.", "{name} dreamed of stars all night.")
    return Plot(title, problem, solution, friend_helps=False, closings=closings)


def _new_friend(t: _Teller) -> Plot:
    problem = [
        t.say("{opener}, a new {fkind} came to {place}. {Fhis} name was {friend}."),
        t.say("{friend} sat all alone.", "{friend} did not know anyone."),
        t.say("{name} wanted to say hello, but {he} felt shy.", "{name} was too shy to speak."),
        t.say('"What if {fhe} does not like me?" {he} thought.'),
        t.say("So {name} played by {him}self, and {friend} sat by {fhim}self."),
    ]
    solution = [
        t.say("Then {name} took a deep breath.", "After a while, {name} felt a little brave."),
        t.say('{He} walked over and said, "Hello! Do you want to play?"'),
        t.say('{friend} smiled a big smile. "Yes, please!"'),
        t.say(
            "They played tag and ran around the trees.",
            "They built a castle out of sticks and mud.",
        ),
        t.say("They laughed and laughed.", "They shared a snack and told jokes."),
        t.say('"I am glad you said hello," said {friend}.'),
    ]
    title = t.say("{name} Says Hello", "A New Friend")
    closings = (
        "From that day on, {name} and {friend} were the best of friends.",
        "They played together until the sun went down.",
        "{name} was glad {he} had been brave.",
    )
    return Plot(title, problem, solution, friend_helps=True, closings=closings)


def _birthday_cake(t: _Teller) -> Plot:
    t.set(food=t.rng.choice(FOODS))
    problem = [
        t.say("{opener}, {name} had a plan.", "It was almost {his} {elder}'s birthday."),
        t.say("{He} wanted to bake {food} as a birthday surprise for {his} {elder}."),
        t.say("{He} got out the flour, the sugar and the butter."),
        t.say("But there were no eggs!", "But when {he} looked in the box, the eggs were gone."),
        t.say('"I cannot bake without eggs," {he} said.', "{name} did not know what to do."),
    ]
    solution = [
        t.say("{He} ran to see {friend}.", "{He} asked {friend} for help."),
        t.say('"I have three eggs," said {friend}. "You can have them."'),
        t.say("{friend} helped {him} mix and stir.", "Together they mixed and stirred and poured."),
        t.say("Soon the kitchen smelled sweet and warm.", "The {food} went into the oven."),
        t.say("When {his} {elder} came home, the {food} was on the table."),
        t.say('"Happy birthday!" they shouted.', '"Surprise!" they said.'),
        t.say(
            "{His} {elder} was so happy that {ehe} laughed and clapped.",
            "Everyone had a big slice.",
        ),
    ]
    title = t.say("A Cake for {elder}", "{name} Bakes a Cake")
    return Plot(title, problem, solution, friend_helps=True)


def _little_seed(t: _Teller) -> Plot:
    problem = [
        t.say(
            "{opener}, {name} found a little seed.", "{name}'s {elder} gave {him} a little seed."
        ),
        t.say("{He} planted it in a pot and waited.", "{He} put it in the soil in the garden."),
        t.say("One day went by. Nothing.", "{He} looked at the pot every morning."),
        t.say("Two days went by. Still nothing.", "But nothing grew."),
        t.say('"My seed will never grow," said {name}.', "{name} felt sad and a little cross."),
    ]
    by_friend = t.pick_helper()
    solution = [
        t.say('"Seeds need water and sun," said {helper}.', '"Be patient," said {helper}.'),
        t.say("So {name} gave it water every day.", "{He} put the pot in the sun."),
        t.say("{He} sang to it, too, just in case."),
        t.say("One morning, {he} saw a tiny green leaf!", "At last, a tiny green shoot came up."),
        t.say("It grew and grew.", "Every day it was a little taller."),
        t.say(
            "Soon there was a big {color} flower in the pot.",
            "At last it opened into a {color} flower.",
        ),
        t.say('"It was worth the wait," said {name}.', "{name} showed it to everyone."),
    ]
    title = t.say("{name} and the Little Seed", "The Seed That Would Not Grow")
    return Plot(title, problem, solution, friend_helps=by_friend)


def _learn_to_ride(t: _Teller) -> Plot:
    problem = [
        t.say("{opener}, {name} got a new {color} bike.", "{name} wanted to ride a bike."),
        t.say("{He} got on and pushed the pedals.", "{He} sat on the bike and tried to go."),
        t.say("The bike went wobble, wobble, and {name} fell down.", "Bump! Down {he} went."),
        t.say("{He} tried again and fell again.", "{He} tried three times, and fell three times."),
        t.say('"I will never learn," {he} said, and {he} rubbed {his} knee.'),
    ]
    by_friend = t.pick_helper()
    solution = [
        t.say("{Helper} sat down next to {him}.", "{Helper} came out to help."),
        t.say('"Everybody falls at first," {hhe} said.', '"Look ahead, not down," said {helper}.'),
        t.say('"Try one more time. I will hold on."'),
        t.say("{name} got back on the bike.", "So {name} tried one more time."),
        t.say(
            "{He} pushed and pushed, and the bike went straight!", "This time {he} did not fall."
        ),
        t.say(
            '"Look, I can do it!" {he} shouted.', "{He} rode all the way to the end of the street."
        ),
        t.say("{Helper} clapped and cheered.", "Everyone cheered."),
    ]
    title = t.say("{name} Learns to Ride", "The New {color} Bike")
    return Plot(title, problem, solution, friend_helps=by_friend)


PROBLEMS: tuple[Callable[[_Teller], Plot], ...] = (
    _lost_toy,
    _stuck_in_tree,
    _rainy_picnic,
    _lost_way,
    _broken_toy,
    _afraid_of_dark,
    _new_friend,
    _birthday_cake,
    _little_seed,
    _learn_to_ride,
)


def _title_case(title: str) -> str:
    small = {"a", "an", "and", "the", "in", "on", "of", "to", "for"}
    words = title.split()
    return " ".join(w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words))


def story(rng: random.Random) -> str:
    """One story: a title, a beginning, a problem, and a happy ending."""
    teller = _Teller(rng)
    make_plot = rng.choice(PROBLEMS)
    plot = make_plot(teller)
    # A stranger in the plot must not already be the hero's best friend in the beginning.
    beginning = _beginning(teller, introduce_friend=make_plot is not _new_friend)
    closings = plot.closings or (CLOSINGS + FRIEND_CLOSINGS if plot.friend_helps else CLOSINGS)
    ending = [teller.say(*closings), "The end."]
    paragraphs = [beginning, plot.problem, plot.solution + ending]
    return "\n\n".join([_title_case(plot.title), *(" ".join(p) for p in paragraphs)]) + "\n"


def generate(seed: int = DEFAULT_SEED, characters: int = DEFAULT_CHARACTERS) -> str:
    """Whole stories, separated by a blank line, until the text reaches `characters`."""
    rng = random.Random(seed)
    stories: list[str] = []
    length = 0
    while length < characters:
        stories.append(story(rng))
        length += len(stories[-1]) + 1
    return "\n".join(stories)
