/// Conversation scripts for the demo: a subject and turns that alternate customer → agent → customer…
/// `{first}` is the customer's first name, `{agent}` the owner's first name.
struct DemoTopic {
    let subject: String
    let turns: [String]
}

enum DemoTopics {
    static let all: [DemoTopic] = [
        DemoTopic(subject: "Home policy renewal — any changes this year?", turns: [
            "Hi,\n\nMy home policy renews next month. We added a garden studio in the spring; does that need to go on the policy before renewal?\n\nThanks,\n{first}",
            "Hi {first},\n\nGood that you asked before renewal. Yes, the studio should be listed; it adds a little to the premium but it is covered properly then. Could you send me its rough size and what is kept inside?\n\nThanks,\n{agent}",
            "It's about 12 square metres, mostly a desk, a laptop and some pottery kit. Maybe 3,000 worth in total.",
            "Thanks {first}, that's all I need. I've added it; the renewal comes to 18 more a year. Shout if anything looks off.\n\n{agent}",
            "Perfect, thank you!",
        ]),
        DemoTopic(subject: "Question about my March invoice", turns: [
            "Hello,\n\nMy March invoice is higher than February's and I can't see why. Could someone explain the difference?\n\n{first}",
            "Hi {first},\n\nYou were charged for both the old and the new vehicle for six days in March while the swap went through. That was our mistake; I've refunded the overlap today, and you'll see it in 3–5 days.\n\nSorry about that,\n{agent}",
            "Ah, that explains it. Thanks for sorting it so fast.",
        ]),
        DemoTopic(subject: "Claim for water damage in the kitchen", turns: [
            "Hi there,\n\nA pipe burst under our sink last night and the kitchen floor is soaked. The plumber has fixed the pipe. What do I need to do to claim?\n\n{first}",
            "Hi {first},\n\nI'm sorry — what a night. Please take photos of the floor and the cabinets before anything is thrown away, and keep the plumber's invoice. I've opened the claim for you; a loss adjuster will ring you tomorrow morning.\n\n{agent}",
            "Photos attached in the next mail. The adjuster called, he's coming Thursday.",
            "Great, Thursday works. I'll keep an eye on it and let you know the moment the adjuster's report is in.\n\n{agent}",
            "Report came in? Haven't heard anything yet.",
            "Hi {first},\n\nIt came in this morning: the floor and two cabinets are covered, minus the excess. Payment goes out Friday.\n\n{agent}",
        ]),
        DemoTopic(subject: "Thank you!", turns: [
            "Just wanted to say thank you for the help with the car insurance last week. It made a stressful month a lot easier.\n\n{first}",
            "Hi {first},\n\nThat's kind of you to write — thank you. Glad it's all settled.\n\n{agent}",
        ]),
        DemoTopic(subject: "Can I pause my savings plan for two months?", turns: [
            "Hi,\n\nWe have a new baby (!) and money is tight for a bit. Can I pause the monthly savings contribution for two months without losing the bonus rate?\n\n{first}",
            "Hi {first},\n\nCongratulations! Yes — you can pause for up to three months and keep the bonus rate. I've paused May and June; it restarts in July on its own.\n\n{agent}",
        ]),
        DemoTopic(subject: "Direct debit date", turns: [
            "Could I move my direct debit from the 1st to the 15th? My salary comes mid-month now.\n\n{first}",
            "Hi {first},\n\nDone — from next month it comes out on the 15th.\n\n{agent}",
            "Brilliant, thanks.",
        ]),
        DemoTopic(subject: "Travel insurance for a trip to Japan", turns: [
            "Hello,\n\nWe're going to Japan for three weeks in October. Does our annual travel cover include skiing? We might do two days in Hakuba.\n\n{first}",
            "Hi {first},\n\nYour annual cover includes up to 7 days of winter sports, so Hakuba is fine. Take the policy number with you on your phone.\n\nHave a wonderful trip,\n{agent}",
        ]),
        DemoTopic(subject: "Address change", turns: [
            "We've moved! New address is 14 Quarry Lane. Does that change anything on the home policy?\n\n{first}",
            "Hi {first},\n\nCongratulations on the move. A new address means a new home policy: could you tell me roughly when the house was built and whether it has a burglar alarm?\n\n{agent}",
            "Built in 1978, and yes, there's an alarm.",
        ]),
        DemoTopic(subject: "Why did my premium go up?", turns: [
            "Hi,\n\nMy renewal letter shows the premium going up by 12%. I haven't claimed anything. Why the increase?\n\n{first}",
            "Hi {first},\n\nFair question. Rebuilding costs went up across the region, and that moved everyone's premium. I looked for a better option for you: raising the excess to 500 brings it back to last year's price.\n\nWant me to do that?\n{agent}",
            "Yes please, let's do the higher excess.",
            "Done, {first}. The new documents are on their way.\n\n{agent}",
        ]),
        DemoTopic(subject: "Overdraft fee on my account", turns: [
            "Hi,\n\nI was charged an overdraft fee of 25 this month. I was only overdrawn for one day because a payment came in late. Is there anything you can do?\n\n{first}",
            "Hi {first},\n\nI've refunded it — one day because of a late payment shouldn't cost you. If you like, I can set up a low-balance text alert so it doesn't catch you out again.\n\n{agent}",
        ]),
        DemoTopic(subject: "Adding my daughter to the car insurance", turns: [
            "My daughter just passed her test. How much would it cost to add her as a named driver on my car?\n\n{first}",
            "Hi {first},\n\nCongratulations to her! As a named driver it would be about 240 a year. Could you send me her full name and date of birth?\n\n{agent}",
        ]),
        DemoTopic(subject: "Lost my policy documents", turns: [
            "Hi, I can't find my policy documents anywhere. Can you send them again?\n\n{first}",
        ]),
        DemoTopic(subject: "Business contents cover for the shop", turns: [
            "Hello,\n\nWe're opening a second shop in September. What would we need for contents and public liability cover there?\n\n{first}",
            "Hi {first},\n\nExciting news. I'd put both shops on one business policy; it's cheaper than two. Could you send me the address and a rough value of the stock you'll keep there?\n\n{agent}",
            "Stock will be around 20k. Address: 3 Market Row.",
            "Thanks {first}. Quote attached: both shops together come to 61 a month. Happy to talk it through on the phone if that's easier.\n\n{agent}",
            "Looks good. Let's go ahead from 1 September.",
        ]),
        DemoTopic(subject: "Cancel my pet insurance", turns: [
            "Hi,\n\nSadly our old dog Biscuit died last week. Please cancel the pet insurance.\n\n{first}",
            "Hi {first},\n\nI'm so sorry about Biscuit. I've cancelled the policy and refunded this month's premium. Take care.\n\n{agent}",
        ]),
        DemoTopic(subject: "Question about the new app login", turns: [
            "The app keeps asking me for a code that never arrives. Am I doing something wrong?\n\n{first}",
            "Hi {first},\n\nNot you — the texts were delayed for some customers this morning. They're arriving now; try once more and tell me if it still doesn't come.\n\n{agent}",
            "Worked this time, thanks.",
        ]),
        DemoTopic(subject: "Windscreen chip", turns: [
            "Got a small chip in the windscreen on the motorway. Does repairing it count as a claim?\n\n{first}",
        ]),
    ]
}
