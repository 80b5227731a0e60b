"""A few kilobytes of original rhymes, built in so the exhibit can train with nothing prepared."""

TINY_TEXT = """\
The Little Red Boat

A little red boat went out to sea,
as small and as brave as a boat can be.
It sailed past the rocks and it sailed past the bay,
and it waved to the gulls at the end of the day.

The wind said, "Turn back, little boat, turn back!
The clouds are grey and the sky is black."
The little red boat said, "I will not hide,
for my friend the lighthouse is on my side."

The lighthouse shone with a warm gold light,
and the little red boat came home that night.
It rocked by the pier in the soft blue foam,
and it dreamed of the sea, and it dreamed of home.


The Cat on the Wall

A cat sat up on a garden wall,
the tallest cat that you ever saw.
She looked at the moon and she looked at the sun,
and she looked at the mice, but she did not run.

"Why do you sit there all day?" said the dog.
"I am waiting," she said, "for the rain and the fog.
When the rain comes down and the fog rolls in,
I will go inside for a nap by the bin."


Ten Green Apples

Ten green apples hung on a tree.
One fell down, and then there were three,
no, nine, said the bird, for I counted them well,
and nine is the number of apples that fell.
The farmer laughed and he picked them all,
the big and the little, the round and the small,
and he made a pie that was hot and sweet,
and he gave a slice to the bird to eat.


The Snail and the Hill

Once there was a snail who wanted to see the top of the hill. The hill was very tall and the
snail was very small. Every morning the snail went up a little way, and every night the snail
slept under a leaf. The rabbit ran past and said, "You are so slow. You will never get there."
The snail said, "Slow is still going." On the tenth day the snail reached the top of the hill.
The sun came up, gold and pink, over all the fields and all the farms and the river far below.
The snail looked for a long time. Then the snail said, "It was worth the walk."


Rain Song

Drip, drop, on the roof and the street,
drip, drop, on my hat and my feet.
The puddles are round and the puddles are deep,
and the frogs in the ditch are too happy to sleep.
Splash, splash, in my big yellow boots,
splash, splash, on the tree and its roots.
When the rain goes away and the sky turns blue,
I will miss the rain, and the rain will miss you.


The Baker

In the town by the river there was a baker who got up before the birds. He lit the oven, he
mixed the flour and the water and the salt, and he sang while the bread went up in the heat.
When the sun rose, the whole street smelled of warm bread. Children stopped on their way to
school, and the baker gave each of them a small roll. "Eat it slowly," he said, "and you will
taste the morning in it." Nobody knew what he meant, but everybody ate slowly, just in case.


The Moon and the Mouse

A mouse looked up at the moon one night,
so round and so cold and so silver white.
"Are you made of cheese?" said the mouse to the moon.
The moon only smiled, and said, "Ask me in June."
So the mouse waited on through the winter and spring,
and he learned every song that the blackbirds sing,
and when June came round he was singing a tune,
and he never did ask any more of the moon.


Counting Stars

One star, two stars, three stars bright,
four stars, five stars, out tonight.
Six stars, seven, eight and nine,
all of the stars in a long bright line.
Ten stars, more stars, more than I know,
more than the flakes in a field of snow.
I cannot count them, I do not try,
I lie in the grass and I look at the sky.


The Old Clock

The old clock in the hall said tick and said tock. It had said tick and tock for a hundred
years, and it was tired. One night it stopped. In the morning nobody knew what time it was.
The kettle did not know when to sing and the cat did not know when to eat. The girl who lived
in the house wound the old clock with a small brass key, very gently, and it began again: tick,
tock, tick, tock. "Thank you," said the clock, in the only words a clock has.
"""
